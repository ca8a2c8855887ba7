package fr.parcours.stand;

import fr.parcours.association.AssociationAuth;
import fr.parcours.association.AssociationHomeRoutes;
import fr.parcours.association.ScheduleService;
import fr.parcours.association.SignedInAssociation;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The association reserves a stand on the map: it picks a day and a period, sees which spots
 * are free then (each free spot is a link on the drawing and a choice in the list beside it,
 * for keyboards and screen readers), and reserves one, or any spot meeting its needs; a spot
 * already taken puts it on the waiting list. The form carries its own Idempotency-Key, so a
 * double click reserves once. Its reservations are listed with their status, and cancelled here.
 */
public final class StandPageRoutes {

  private static final String STANDS = "/associations/me/stands";

  private final StandService stands;
  private final ScheduleService schedules;
  private final FairService fairs;
  private final ResourceService resources;
  private final AssociationAuth auth;
  private final Pages pages;

  public StandPageRoutes(StandService stands, ScheduleService schedules, FairService fairs, ResourceService resources,
                         AssociationAuth auth, Pages pages) {
    this.stands = stands;
    this.schedules = schedules;
    this.fairs = fairs;
    this.resources = resources;
    this.auth = auth;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get(STANDS).handler(auth.requireAssociation()).handler(ctx -> fair(ctx).compose(fair -> {
      MultiMap query = ctx.queryParams();
      return render(ctx, 200, fair, new Choice(query.get("day"), query.get("period"), query.get("spot"), false),
          Forms.newIdempotencyKey(), List.of());
    }).onFailure(ctx::fail));
    router.post(STANDS).handler(auth.requireAssociation()).handler(this::reserve);
    router.post(STANDS + "/:reservationId/cancel").handler(auth.requireAssociation()).handler(ctx -> stands.cancel(
            AssociationAuth.current(ctx).fairSlug(), AssociationAuth.current(ctx).id(),
            Http.idParam(ctx, "reservationId", "stand_reservation"))
        .onSuccess(done -> Http.seeOther(ctx, STANDS + "?done=cancelled"))
        .onFailure(ctx::fail));
  }

  /** What the association looks at or asks for: day, period, a spot (blank: any meeting its needs), power. */
  private record Choice(String day, String period, String spot, boolean power) {

    JsonObject request() {
      JsonObject body = new JsonObject().put("day", blankToNull(day)).put("period", blankToNull(period));
      return spot == null || spot.isBlank() ? body.put("needs", new JsonObject().put("power", power))
          : body.put("spot", spot);
    }
  }

  private void reserve(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String key = Forms.idempotencyKey(form);
    Choice choice = new Choice(form.get("day"), form.get("period"), form.get("spot"), "yes".equals(form.get("needs.power")));
    SignedInAssociation who = AssociationAuth.current(ctx);
    Future.succeededFuture(choice).map(c -> StandRequest.parse(JsonInput.of(c.request())))
        .compose(request -> stands.reserve(who.fairSlug(), who.id(), key, request))
        .onSuccess(outcome -> Http.seeOther(ctx, STANDS + "?done=reserved"))
        .onFailure(error -> Refusals.show(ctx, error, (status, errors) ->
            fair(ctx).compose(fair -> render(ctx, status, fair, choice, key, errors)).onFailure(ctx::fail)));
  }

  private Future<Void> render(RoutingContext ctx, int status, Fair fair, Choice choice, String key,
                              List<FieldError> errors) {
    SignedInAssociation who = AssociationAuth.current(ctx);
    JsonObject messages = I18n.messages(I18n.language(ctx));
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    LocalDate day = day(fair, choice.day());
    StandPeriod period = choice.period() != null && StandPeriod.NAMES.contains(choice.period())
        ? StandPeriod.of(choice.period()) : StandPeriod.DAY;
    return Future.all(stands.map(fair.slug()), resources.programme(fair), schedules.of(fair, who)).map(all -> {
      JsonObject map = all.resultAt(0);
      Set<String> taken = StandChoice.taken(map, day, period);
      FairProgramme programme = all.resultAt(1);
      JsonArray drawings = StandMap.build(programme.standSpots(), programme.zones(), taken);
      String query = "?day=" + day + "&period=" + period.json();
      drawings.forEach(drawing -> ((JsonObject) drawing).getJsonArray("spots").forEach(spot -> {
        JsonObject s = (JsonObject) spot;
        if (!s.getBoolean("taken")) {
          s.put("href", STANDS + query + "&spot=" + s.getString("number") + "#reserve")
              .put("selected", s.getString("number").equals(choice.spot()));
        }
      }));
      String done = ctx.queryParams().get("done");
      pages.render(ctx, status, "association-stands", new JsonObject()
          .put("title", messages.getString("association_stands_title"))
          .put("association", who.toJson())
          .put("days", days(fair, day, locale))
          .put("several_days", fair.days().size() > 1)
          .put("day", day.toString())
          .put("periods", periods(period, messages))
          .put("period", period.json())
          .put("stand_maps", drawings)
          .put("free_spots", freeSpots(programme, taken, choice.spot()))
          .put("any_spot", choice.spot() == null || choice.spot().isBlank())
          .put("power", choice.power())
          .put("reservations", AssociationHomeRoutes.standReservations(((JsonObject) all.resultAt(2)).getJsonArray("stands"),
              messages, locale))
          .put(Forms.IDEMPOTENCY_KEY, key)
          .put("notice", errors.isEmpty() && done != null && Set.of("reserved", "cancelled").contains(done)
              ? messages.getString("association_notice_" + done) : null)
          .put("errors", Pages.errorList(errors)));
      return null;
    });
  }

  private static JsonArray freeSpots(FairProgramme programme, Set<String> taken, String chosen) {
    return new JsonArray(programme.standSpots().stream()
        .filter(spot -> !taken.contains(spot.number()))
        .map(spot -> (Object) new JsonObject().put("number", spot.number())
            .put("zone", zoneName(programme, spot.zone()))
            .put("size", trim(spot.width()) + " × " + trim(spot.depth()) + " m")
            .put("power", spot.power())
            .put("checked", spot.number().equals(chosen)))
        .toList());
  }

  private static String zoneName(FairProgramme programme, String slug) {
    return programme.zones().stream().filter(zone -> zone.slug().equals(slug))
        .map(FairProgramme.Zone::name).findFirst().orElse(null);
  }

  private static JsonArray days(Fair fair, LocalDate chosen, Locale locale) {
    JsonArray days = new JsonArray();
    for (FairDay fairDay : fair.days()) {
      days.add(new JsonObject().put("date", fairDay.day().toString()).put("label", fairDay.label(locale))
          .put("selected", fairDay.day().equals(chosen)));
    }
    return days;
  }

  private static JsonArray periods(StandPeriod chosen, JsonObject messages) {
    return new JsonArray(List.of(StandPeriod.values()).stream().map(period -> (Object) new JsonObject()
        .put("value", period.json()).put("label", messages.getString("association_period_" + period.json()))
        .put("checked", period == chosen)).toList());
  }

  /** The day asked for when it is one of the fair's, else its first. */
  private static LocalDate day(Fair fair, String asked) {
    try {
      LocalDate day = LocalDate.parse(asked == null ? "" : asked);
      return fair.days().stream().anyMatch(d -> d.day().equals(day)) ? day : fair.days().get(0).day();
    } catch (DateTimeParseException e) {
      return fair.days().get(0).day();
    }
  }

  private Future<Fair> fair(RoutingContext ctx) {
    return fairs.findBySlug(AssociationAuth.current(ctx).fairSlug());
  }

  private static String trim(double metres) {
    return metres == Math.rint(metres) ? String.valueOf((long) metres) : String.valueOf(metres);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
