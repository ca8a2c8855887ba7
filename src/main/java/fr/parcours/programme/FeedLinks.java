package fr.parcours.programme;

import fr.parcours.fair.resource.ShownSession;
import fr.parcours.calendar.CalendarLinks;
import fr.parcours.web.Subscription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The iCal feeds a visitor can subscribe to: the whole fair, one track, one room. */
final class FeedLinks {

  private final CalendarLinks links;

  FeedLinks(String publicUrl) {
    this.links = new CalendarLinks(publicUrl);
  }

  JsonObject forFair(String fairSlug, Programme programme, JsonObject messages) {
    JsonArray tracks = new JsonArray();
    programme.tracks().keySet().forEach(slug -> tracks.add(track(fairSlug, slug, programme).toJson()));
    JsonArray rooms = new JsonArray();
    programme.rooms().keySet().forEach(slug -> rooms.add(room(fairSlug, slug, programme).toJson()));
    return new JsonObject()
        .put("fair", new Subscription(messages.getString("feeds_fair"), links.fair(fairSlug)).toJson())
        .put("tracks", tracks)
        .put("rooms", rooms);
  }

  /** The feeds of the session's track and room, when it has them. */
  JsonArray forSession(String fairSlug, ShownSession session, Programme programme) {
    JsonArray feeds = new JsonArray();
    if (session.track() != null) {
      feeds.add(track(fairSlug, session.track(), programme).toJson());
    }
    if (session.room() != null) {
      feeds.add(room(fairSlug, session.room(), programme).toJson());
    }
    return feeds;
  }

  private Subscription track(String fairSlug, String slug, Programme programme) {
    return new Subscription(programme.trackName(slug), links.track(fairSlug, slug));
  }

  private Subscription room(String fairSlug, String slug, Programme programme) {
    return new Subscription(programme.placeName(slug), links.room(fairSlug, slug));
  }
}
