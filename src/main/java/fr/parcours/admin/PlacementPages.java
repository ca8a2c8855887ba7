package fr.parcours.admin;

import fr.parcours.association.OfferPlacement;
import fr.parcours.association.OfferService;
import fr.parcours.association.ProgrammeConflicts;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.programme.Programme;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organiser builds the programme: places accepted offers in a room and a slot, moves and
 * un-places their sessions, through {@link OfferPlacement}. The grid shows the conflicts the
 * programme holds now; a refused placing shows the grid again with each of its conflicts next
 * to its form.
 */
final class PlacementPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/programme";

  private final AdminSession session;
  private final ResourceService resources;
  private final OfferService offers;
  private final OfferPlacement placement;
  private final ProgrammeConflicts conflicts;
  private final Pages pages;

  PlacementPages(AdminSession session, ResourceService resources, OfferService offers, OfferPlacement placement,
                 ProgrammeConflicts conflicts, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.offers = offers;
    this.placement = placement;
    this.conflicts = conflicts;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser.toJson(), fair, null)));
    router.post(PATH + "/offers/:offerId/place").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      String room = ctx.request().getFormAttribute("room");
      String slot = ctx.request().getFormAttribute("slot");
      JsonObject body = Forms.json(ctx.request().formAttributes(), List.of("room", "slot"), Set.of("slot"));
      return placement.place(fair, id, JsonInput.of(body)).<Void>map(done -> backToGrid(ctx, fair, id))
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser.toJson(), fair,
              new PlacementGrid.Refused(id, room, slot, errors))));
    }));
    router.post(PATH + "/offers/:offerId/unplace").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      return placement.cancel(fair, id).map(done -> backToGrid(ctx, fair, id));
    }));
  }

  private static Void backToGrid(RoutingContext ctx, Fair fair, long offerId) {
    Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/programme#offer-" + offerId);
    return null;
  }

  private Future<Void> render(RoutingContext ctx, int status, JsonObject organiser, Fair fair,
                              PlacementGrid.Refused refused) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    Future<JsonObject> programme = resources.programme(fair);
    Future<JsonArray> accepted = offers.all(fair, "accepted");
    Future<Map<Long, List<FieldError>>> now = conflicts.of(fair);
    return Future.all(programme, accepted, now).map(read -> {
      JsonObject document = programme.result();
      List<PlacementGrid.Slot> slots = document.getJsonArray("slots").stream().map(JsonObject.class::cast)
          .map(slot -> new PlacementGrid.Slot(slot.getLong("id"), OffsetDateTime.parse(slot.getString("starts_at")),
              OffsetDateTime.parse(slot.getString("ends_at")))).toList();
      JsonObject grid = new PlacementGrid(Programme.of(document), slots,
          accepted.result().stream().map(JsonObject.class::cast).toList(), now.result(), messages,
          Locale.forLanguageTag(language), refused).build();
      pages.render(ctx, status, "admin-programme", new JsonObject()
          .put("title", messages.getString("admin_programme_title") + " — " + fair.details().name())
          .put("organiser", organiser).put("fair", Dashboard.fairSummary(fair)).put("grid", grid)
          .put("errors", Pages.errorList(refused == null ? List.of() : refused.errors())));
      return null;
    });
  }
}
