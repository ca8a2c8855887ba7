package fr.parcours.booking;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.i18n.Catalogue;
import fr.parcours.fair.FairService;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import fr.parcours.web.Throttle;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The teacher's booking form: the same request as {@code POST /api/fairs/{slug}/bookings},
 * as a plain HTML form. The page carries its own Idempotency-Key, so a double click or a
 * resubmitted form books once; a refusal shows the API's messages next to what was typed.
 */
public final class BookingFormRoutes {

  /** The form's fields, as {@link Forms#json} reads them; a class request's form takes them but the track. */
  public static final List<String> FIELDS = List.of("school.name", "school.uai", "school.city", "teacher.name",
      "teacher.email", "class.name", "class.level", "pupils", "adults", "track", "day", "arrival", "departure");
  private static final Set<String> WHOLE_NUMBERS = Set.of("pupils", "adults");

  private final FairService fairs;
  private final BookingService bookings;
  private final Throttle throttle;
  private final Pages pages;

  public BookingFormRoutes(FairService fairs, BookingService bookings, Throttle throttle, Pages pages) {
    this.fairs = fairs;
    this.bookings = bookings;
    this.throttle = throttle;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/fairs/:fairSlug/book")
        .handler(ctx -> render(ctx, 200, new JsonObject(), Forms.newIdempotencyKey(), List.of()));
    router.post("/fairs/:fairSlug/book").handler(this::submit);
  }

  private void submit(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String key = Forms.idempotencyKey(form);
    Future.succeededFuture(Forms.json(form, FIELDS, WHOLE_NUMBERS))
        .map(json -> BookingRequest.parse(JsonInput.of(json)))
        .compose(request -> BookingRoutes.counted(ctx, throttle, request)
            .compose(counted -> bookings.book(ctx.pathParam("fairSlug"), key, request, I18n.language(ctx))))
        .onSuccess(outcome -> Http.seeOther(ctx, outcome.value().managePath() + "?done=booked"))
        .onFailure(error -> Refusals.show(ctx, error, (status, errors) ->
            render(ctx, status, Forms.json(form, FIELDS, Set.of()), key, errors)));
  }

  private void render(RoutingContext ctx, int status, JsonObject typed, String key, List<FieldError> errors) {
    String slug = ctx.pathParam("fairSlug");
    fairs.readable(slug, null)
        .compose(fair -> Future.all(bookings.availability(slug), bookings.rules(fair))
            .map(all -> model(ctx, fair, all.resultAt(0), typed).put("choices", choices(ctx, fair, all.resultAt(1), typed))))
        .onSuccess(model -> pages.render(ctx, status, "book", model
            .put(Forms.IDEMPOTENCY_KEY, key)
            .put("errors", Pages.errorList(errors))))
        .onFailure(ctx::fail);
  }

  private static JsonObject model(RoutingContext ctx, Fair fair, Availability availability, JsonObject typed) {
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    JsonArray tracks = new JsonArray();
    availability.tracks().forEach(places -> tracks.add(Availability.trackJson(places)
        .put("checked", places.track().slug().equals(typed.getString("track")))
        .put("parts_label", partsLabel(I18n.language(ctx), places.capacity()))
        .put("description", places.track().description())));
    JsonArray days = days(fair, locale, typed.getString("day"));
    return new JsonObject()
        .put("title", fair.details().name())
        .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name()).put("city", fair.details().city())
            .put("dates", fair.dateLabels(locale)))
        .put("registration_open", fair.registrationOpen(Instant.now()))
        .put("registration_notice", fair.registrationNotice(I18n.language(ctx), Instant.now()))
        .put("planned", availability.planned())
        // The form only when a class could be booked now: a refused submit would lose what was typed.
        .put("bookable", fair.registrationOpen(Instant.now()) && availability.planned())
        .put("several_days", fair.days().size() > 1)
        .put("days", days)
        .put("tracks", tracks)
        .put("form", typed);
  }

  /** The fair's days to pick from, {@code chosen} selected. */
  public static JsonArray days(Fair fair, Locale locale, String chosen) {
    JsonArray days = new JsonArray();
    fair.days().forEach(day -> days.add(new JsonObject().put("date", day.day().toString())
        .put("label", day.label(locale)).put("selected", day.day().toString().equals(chosen))));
    return days;
  }

  /** "Matin : place pour 3 classes · Après-midi : plus de place…": where in the day a class still finds a whole route. */
  private static String partsLabel(String language, TrackCapacity capacity) {
    return String.join(" · ", capacity.parts().stream().map(part -> Catalogue.say(language, "part_classes",
        Map.of("part", Catalogue.text(language, "part_" + part.part().json()), "count", part.classes()))).toList());
  }

  /** The lists the form picks from: levels, bus times, and the supervision the fair asks. */
  public static JsonObject choices(RoutingContext ctx, Fair fair, BookingRules rules, JsonObject typed) {
    JsonObject group = typed.getJsonObject("class", new JsonObject());
    return new JsonObject()
        .put("levels", BookingChoices.choices(rules.levels(), group.getString("level")))
        .put("arrival", BookingChoices.busTimes(fair, typed.getString("arrival")))
        .put("departure", BookingChoices.busTimes(fair, typed.getString("departure")))
        .put("supervision", supervision(ctx, rules));
  }

  /** "At least one adult per 15 pupils", or null when the fair asks none. */
  static String supervision(RoutingContext ctx, BookingRules rules) {
    return rules.pupilsPerAdult() == null ? null
        : Catalogue.say(I18n.language(ctx), "booking_supervision", Map.of("pupils", rules.pupilsPerAdult()));
  }

}
