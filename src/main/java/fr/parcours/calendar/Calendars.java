package fr.parcours.calendar;

import fr.parcours.association.AssociationFeeds;
import fr.parcours.calendar.CalendarRepository.FairHead;
import fr.parcours.calendar.CalendarRepository.Listed;
import fr.parcours.calendar.CalendarRepository.Part;
import fr.parcours.calendar.CalendarRepository.Scope;
import fr.parcours.error.AppException;
import fr.parcours.live.Change;
import fr.parcours.metrics.AppMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every feed, by what its URL names: read, rendered once per change, then served from the
 * instance's {@link FeedCache}. Public feeds exist only for published fairs; token feeds (an
 * association's, a class's, a visitor's selection) for whoever holds the token.
 */
public final class Calendars implements AssociationFeeds {

  private final CalendarRepository repository;
  private final CalendarLinks links;
  private final FeedCache cache;

  public Calendars(Vertx vertx, Pool pool, CalendarLinks links, AppMetrics metrics) {
    this.repository = new CalendarRepository(pool, links);
    this.links = links;
    this.cache = new FeedCache(vertx, metrics);
  }

  Future<RenderedFeed> fair(String fairSlug) {
    return cache.get(FeedCache.Kind.FAIR, fairSlug, () -> published(fairSlug).compose(fair ->
        feed(fair, Feed.PROGRAMME, fair.name(), Scope.WHOLE, null, fair.changedAt())));
  }

  Future<RenderedFeed> track(String fairSlug, String trackSlug) {
    return cache.get(FeedCache.Kind.TRACK, fairSlug + "/" + trackSlug, () -> published(fairSlug).compose(fair ->
        part(repository.track(fair.id(), trackSlug), "track").compose(track -> feed(fair, Feed.PROGRAMME,
            fair.name() + " — " + track.name(), Scope.TRACK, track.id(), fair.changedAt()))));
  }

  Future<RenderedFeed> room(String fairSlug, String roomSlug) {
    return cache.get(FeedCache.Kind.ROOM, fairSlug + "/" + roomSlug, () -> published(fairSlug).compose(fair ->
        part(repository.room(fair.id(), roomSlug), "room").compose(room -> feed(fair, Feed.PROGRAMME,
            fair.name() + " — " + room.name(), Scope.ROOM, room.id(), fair.changedAt()))));
  }

  /** The association's sessions and stand time: follows its stand reservations too. */
  Future<RenderedFeed> association(String token) {
    return cache.get(FeedCache.Kind.ASSOCIATION, token, () -> part(repository.association(token), "association")
        .compose(association -> fairOf(association).compose(fair -> Future.all(
                repository.events(fair, Scope.ASSOCIATION, association.id()),
                repository.standTime(fair, association.id()))
            .map(all -> new Feed(fair.id(), Set.of(Change.Kind.PROGRAMME, Change.Kind.STANDS),
                fair.name() + " — " + association.name(), fair.zone(),
                byStart(all.<List<CalendarEvent>>resultAt(0), all.resultAt(1)), fair.changedAt())))));
  }

  private static List<CalendarEvent> byStart(List<CalendarEvent> sessions, List<CalendarEvent> stands) {
    return Stream.concat(sessions.stream(), stands.stream())
        .sorted(Comparator.comparing(CalendarEvent::startsAt)).toList();
  }

  Future<RenderedFeed> selection(String token) {
    return cache.get(FeedCache.Kind.SELECTION, token, () -> part(repository.selection(token), "selection")
        .compose(selection -> fairOf(selection).compose(fair -> feed(fair,
            Set.of(Change.Kind.PROGRAMME, Change.Kind.SELECTION), fair.name() + " — Ma sélection", Scope.SELECTION,
            selection.id(), latest(fair.changedAt(), selection.changedAt())))));
  }

  /** A class's route: follows places too, since a cancellation elsewhere can reroute the class. */
  Future<RenderedFeed> booking(String token) {
    return cache.get(FeedCache.Kind.BOOKING, token, () -> part(repository.booking(token), "booking")
        .compose(booking -> fairOf(booking).compose(fair -> repository.route(fair, booking.id())
            .map(events -> new Feed(fair.id(), Set.of(Change.Kind.PROGRAMME, Change.Kind.AVAILABILITY),
                fair.name() + " — " + booking.name(), fair.zone(), events,
                latest(fair.changedAt(), booking.changedAt()))))));
  }

  /** The public feeds of a published fair: the whole programme, each track, each room. */
  public Future<JsonObject> publicFeeds(String fairSlug) {
    return published(fairSlug).compose(fair -> Future.all(repository.tracks(fair.id()), repository.rooms(fair.id()))
        .map(lists -> CalendarLinks.json(links.fair(fair.slug()))
            .put("tracks", feedList(lists.resultAt(0), slug -> links.track(fair.slug(), slug)))
            .put("rooms", feedList(lists.resultAt(1), slug -> links.room(fair.slug(), slug)))));
  }

  /** The association's own feed, for the organiser of its fair to hand over. */
  @Override
  public Future<JsonObject> associationFeed(long fairId, String associationSlug) {
    return repository.associationToken(fairId, associationSlug)
        .map(found -> found.orElseThrow(() -> AppException.notFound("association", associationSlug)))
        .map(token -> CalendarLinks.json(links.association(token)).put("association", associationSlug));
  }

  private static JsonArray feedList(List<Listed> parts, Function<String, String> url) {
    JsonArray list = new JsonArray();
    parts.forEach(part -> list.add(CalendarLinks.json(url.apply(part.slug())).put("slug", part.slug())
        .put("name", part.name())));
    return list;
  }

  private Future<FairHead> published(String fairSlug) {
    return repository.fair(fairSlug).map(found -> found.filter(FairHead::published)
        .orElseThrow(() -> AppException.notFound("fair", fairSlug)));
  }

  private Future<FairHead> fairOf(Part part) {
    return repository.fair(part.fairId()).map(Optional::orElseThrow);
  }

  private static Future<Part> part(Future<Optional<Part>> found, String thing) {
    return found.map(part -> part.orElseThrow(() -> AppException.notFound(thing, null)));
  }

  private Future<Feed> feed(FairHead fair, Set<Change.Kind> follows, String name, Scope scope, Long partId,
                            Instant changedAt) {
    return repository.events(fair, scope, partId)
        .map(events -> new Feed(fair.id(), follows, name, fair.zone(), events, changedAt));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
