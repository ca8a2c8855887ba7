package fr.parcours.association;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairTimes;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import fr.parcours.web.Subscription;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signed-in association's page: its offers with where review stands and the organiser's
 * messages, its schedule (sessions, rooms, times, classes expected) and its own calendar feed.
 */
public final class AssociationHomeRoutes {

  private static final Set<String> NOTICES = Set.of("proposed", "edited", "withdrawn", "reserved", "cancelled");

  private final OfferService offers;
  private final ScheduleService schedules;
  private final AssociationFeeds calendars;
  private final FairService fairs;
  private final AssociationAuth auth;
  private final Pages pages;

  public AssociationHomeRoutes(OfferService offers, ScheduleService schedules, AssociationFeeds calendars,
                               FairService fairs, AssociationAuth auth, Pages pages) {
    this.offers = offers;
    this.schedules = schedules;
    this.calendars = calendars;
    this.fairs = fairs;
    this.auth = auth;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get(AssociationPageRoutes.HOME).handler(auth.requireAssociation()).handler(this::home);
  }

  private void home(RoutingContext ctx) {
    SignedInAssociation association = AssociationAuth.current(ctx);
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    fairs.findBySlug(association.fairSlug()).compose(fair -> Future.all(offers.own(fair, association),
            schedules.of(fair, association), calendars.associationFeed(fair.id(), association.slug()))
        .map(all -> new JsonObject()
            .put("title", association.name())
            .put("association", association.toJson())
            .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name()))
            .put("offers", offerList(all.resultAt(0), messages))
            .put("sessions", sessions(((JsonObject) all.resultAt(1)).getJsonArray("sessions"), fair, language))
            .put("stands", standReservations(((JsonObject) all.resultAt(1)).getJsonArray("stands"), messages,
                Locale.forLanguageTag(language)))
            .put("calendar", new Subscription(association.name(),
                ((JsonObject) all.resultAt(2)).getString("calendar_url")).toJson())))
        .onSuccess(model -> pages.render(ctx, 200, "association-home",
            model.put("notice", AssociationPageRoutes.notice(ctx, NOTICES))))
        .onFailure(ctx::fail);
  }

  private static JsonArray offerList(List<Offer> own, JsonObject messages) {
    return new JsonArray(own.stream().map(offer -> (Object) new JsonObject().put("id", offer.id())
        .put("title", offer.draft().title())
        .put("kind_label", messages.getString("kind_" + offer.draft().kind().json()))
        .put("status", offer.status().json())
        .put("status_label", messages.getString("association_status_" + offer.status().json()))
        .put("review_message", offer.reviewMessage())
        .put("open", offer.status().open())).toList());
  }

  /** The association's stand reservations (the stand feature's JSON) as its pages list them. */
  public static JsonArray standReservations(JsonArray held, JsonObject messages, Locale locale) {
    return new JsonArray(held.stream().map(JsonObject.class::cast).map(r -> (Object) new JsonObject()
        .put("id", r.getLong("id"))
        .put("day", FairTimes.dayLabel(LocalDate.parse(r.getString("day")), locale))
        .put("period", messages.getString("association_period_" + r.getString("period")))
        .put("status", r.getString("status"))
        .put("status_label", messages.getString("association_stand_" + r.getString("status")))
        .put("spot", r.getJsonObject("spot") == null ? null : r.getJsonObject("spot").getString("number"))
        .put("waitlist_position", r.getInteger("waitlist_position"))
        .put("active", !"cancelled".equals(r.getString("status"))))
        .toList());
  }

  /** Each session with its day and local clock, and the classes expected at it. */
  private static JsonArray sessions(JsonArray sessions, Fair fair, String language) {
    Locale locale = Locale.forLanguageTag(language);
    return new JsonArray(sessions.stream().map(JsonObject.class::cast).map(s -> (Object) new JsonObject()
        .put("id", s.getLong("id")).put("title", s.getString("title"))
        .put("day", FairTimes.dayLabel(LocalDate.parse(s.getString("starts_at").substring(0, 10)), locale))
        .put("time", s.getString("starts_at").substring(11, 16) + " – " + s.getString("ends_at").substring(11, 16))
        .put("place", s.getJsonObject("place").getString("name"))
        .put("cancelled", "cancelled".equals(s.getString("status")))
        .put("booked", s.getInteger("booked")).put("capacity", s.getInteger("capacity"))
        .put("classes", s.getJsonArray("classes"))
        .put("fair", fair.slug())).toList());
  }
}
