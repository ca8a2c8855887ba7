package fr.parcours.admin;

import fr.parcours.association.Offer;
import fr.parcours.association.OfferPlacement;
import fr.parcours.booking.BookingDesk;
import fr.parcours.booking.TrackCapacity;
import fr.parcours.association.OfferService;
import fr.parcours.association.ProgrammeConflicts;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.programme.Programme;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The organiser builds the programme: places accepted offers in a room and a slot, moves and
 * un-places their sessions, through {@link OfferPlacement}. The grid shows the conflicts the
 * programme holds now and each track's capacity per part of the day; a refused placing shows the
 * grid again with each of its conflicts next to its form; a change lowering some track's
 * capacity is shown, before and after, and waits for the organiser's confirmation.
 */
final class PlacementPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/programme";

  private final AdminSession session;
  private final ResourceService resources;
  private final OfferService offers;
  private final OfferPlacement placement;
  private final ProgrammeConflicts conflicts;
  private final BookingDesk desk;
  private final Pages pages;

  PlacementPages(AdminSession session, ResourceService resources, OfferService offers, OfferPlacement placement,
                 ProgrammeConflicts conflicts, BookingDesk desk, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.offers = offers;
    this.placement = placement;
    this.conflicts = conflicts;
    this.desk = desk;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser.toJson(), fair, null, null)));
    router.post(PATH + "/offers/:offerId/place").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      String room = ctx.request().getFormAttribute("room");
      String slot = ctx.request().getFormAttribute("slot");
      JsonObject body = Forms.json(ctx.request().formAttributes(), List.of("room", "slot"), Set.of("slot"));
      Review review = new Review("place", id, room, slot);
      return unlessLowering(ctx, organiser.toJson(), fair, review,
          probe -> placement.tryPlace(fair, id, JsonInput.of(body.copy()), probe),
          () -> placement.place(fair, id, JsonInput.of(body.copy())).map(done -> backToGrid(ctx, fair, id)))
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser.toJson(), fair,
              new PlacementGrid.Refused(String.valueOf(id), room, slot, errors), null)));
    }));
    router.post(PATH + "/offers/:offerId/repeat").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      String room = ctx.request().getFormAttribute("room");
      String slot = ctx.request().getFormAttribute("slot");
      JsonObject body = Forms.json(ctx.request().formAttributes(), List.of("room", "slot"), Set.of("slot"));
      return unlessLowering(ctx, organiser.toJson(), fair, new Review("repeat", id, room, slot),
          probe -> placement.tryRepeat(fair, id, JsonInput.of(body.copy()), probe),
          () -> placement.repeat(fair, id, JsonInput.of(body.copy())).map(done -> backToGrid(ctx, fair, id)))
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser.toJson(), fair,
              new PlacementGrid.Refused(PlacementGrid.AGAIN + id, room, slot, errors), null)));
    }));
    router.post(PATH + "/offers/:offerId/unplace").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      return unlessLowering(ctx, organiser.toJson(), fair, new Review("unplace", id, null, null),
          probe -> placement.tryCancel(fair, id, probe),
          () -> placement.cancel(fair, id).map(done -> backToGrid(ctx, fair, id)));
    }));
  }

  /** A change waiting for the organiser's word: it would lower some track's capacity. */
  private record Review(String action, long offerId, String room, String slot) {
    JsonObject json(JsonArray effect) {
      return new JsonObject().put("action", action).put("offer", offerId).put("room", room).put("slot", slot)
          .put("effect", effect);
    }
  }

  /**
   * Applies the change at once unless it lowers a track's capacity in classes or places in some
   * part of the day and the organiser has not confirmed it: then the grid shows the change's
   * effect (tried and rolled back) and asks. One placement once cut a track from 288 places to 36.
   */
  private Future<Void> unlessLowering(RoutingContext ctx, JsonObject organiser, Fair fair, Review review,
                                      Function<Function<SqlConnection, Future<List<TrackCapacity>>>,
                                          Future<List<TrackCapacity>>> tryIt,
                                      Supplier<Future<Void>> apply) {
    if ("yes".equals(ctx.request().getFormAttribute("confirm"))) {
      return apply.get();
    }
    Future<List<TrackCapacity>> before = desk.capacities(fair);
    Future<List<TrackCapacity>> after = tryIt.apply(conn -> desk.capacities(conn, fair));
    return Future.all(before, after).compose(read -> CapacityTable.lowers(before.result(), after.result())
        ? render(ctx, 200, organiser, fair, null,
            review.json(CapacityTable.effect(before.result(), after.result(), I18n.language(ctx))))
        : apply.get());
  }

  private static Void backToGrid(RoutingContext ctx, Fair fair, long offerId) {
    Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/programme#offer-" + offerId);
    return null;
  }

  private Future<Void> render(RoutingContext ctx, int status, JsonObject organiser, Fair fair,
                              PlacementGrid.Refused refused, JsonObject review) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    Future<FairProgramme> programme = resources.programme(fair);
    Future<List<Offer>> accepted = offers.all(fair, "accepted");
    Future<Map<Long, List<FieldError>>> now = conflicts.of(fair);
    Future<List<TrackCapacity>> capacity = desk.capacities(fair);
    return Future.all(programme, accepted, now, capacity).map(read -> {
      JsonObject grid = new PlacementGrid(Programme.of(programme.result()), programme.result().slots(),
          accepted.result(), now.result(), messages, Locale.forLanguageTag(language), refused).build();
      pages.render(ctx, status, "admin-programme", new JsonObject()
          .put("title", messages.getString("admin_programme_title") + " — " + fair.details().name())
          .put("organiser", organiser).put("fair", Dashboard.fairSummary(fair)).put("grid", grid)
          .put("parts", CapacityTable.parts(language)).put("capacity", CapacityTable.now(capacity.result(), language))
          .put("review", review)
          .put("errors", Pages.errorList(refused == null ? List.of() : refused.errors())));
      return null;
    });
  }
}
