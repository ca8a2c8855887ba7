package fr.parcours.allocation;

import fr.parcours.booking.BookingFormRoutes;
import fr.parcours.booking.BookingRoutes;
import fr.parcours.booking.BookingService;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.i18n.Catalogue;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The teacher's pages of a fair in allocation mode: its booking page becomes the request form
 * (the booking form's fields, ranked choices, "any other", a second bus window) until an
 * allocation is published, and {@code /requests/{token}} shows, changes or withdraws a request,
 * then what it became. Plain forms; a refusal shows the API's messages beside their fields.
 */
public final class RequestPages {

  /** Ranked choices the form offers. */
  static final int RANKS = 3;
  private static final List<String> FIELDS = BookingFormRoutes.FIELDS.stream().filter(f -> !f.equals("track")).toList();
  private static final Set<String> WHOLE_NUMBERS = Set.of("pupils", "adults");
  private static final Set<String> NOTICES = Set.of("filed", "changed", "withdrawn");

  private final FairService fairs;
  private final RequestService requests;
  private final BookingService bookings;
  private final Throttle throttle;
  private final Pages pages;

  public RequestPages(FairService fairs, RequestService requests, BookingService bookings, Throttle throttle, Pages pages) {
    this.fairs = fairs;
    this.requests = requests;
    this.bookings = bookings;
    this.throttle = throttle;
    this.pages = pages;
  }

  /** Mounted before the booking form: it hands the fairs that book first come on to it. */
  public void mount(Router router) {
    router.get("/fairs/:fairSlug/book").handler(ctx -> takingRequests(ctx,
        fair -> form(ctx, 200, fair, new JsonObject(), Forms.newIdempotencyKey(), List.of())));
    router.post("/fairs/:fairSlug/book").handler(ctx -> takingRequests(ctx, fair -> file(ctx, fair)));
    router.get(RequestLinks.PAGE + ":token").handler(this::show);
    router.post(RequestLinks.PAGE + ":token").handler(this::submit);
  }

  private void takingRequests(RoutingContext ctx, Consumer<Fair> page) {
    fairs.readable(ctx.pathParam("fairSlug"), null)
        .compose(fair -> requests.takesRequests(fair).map(takes -> takes ? fair : null))
        .onSuccess(fair -> {
          if (fair == null) {
            ctx.next();
          } else {
            page.accept(fair);
          }
        })
        .onFailure(ctx::fail);
  }

  private void file(RoutingContext ctx, Fair fair) {
    MultiMap form = ctx.request().formAttributes();
    String key = Forms.idempotencyKey(form);
    JsonObject body = body(form);
    Future.succeededFuture(body).map(json -> RequestInput.parse(JsonInput.of(json.copy())))
        .compose(input -> BookingRoutes.counted(ctx, throttle, input.booking())
            .compose(counted -> requests.file(fair.slug(), key, input, I18n.language(ctx))))
        .onSuccess(outcome -> Http.seeOther(ctx, RequestLinks.PAGE + outcome.value().getString("token") + "?done=filed"))
        .onFailure(error -> Refusals.show(ctx, error, (status, errors) -> form(ctx, status, fair, body, key, errors)));
  }

  private void show(RoutingContext ctx) {
    requests.shown(ctx.pathParam("token"))
        .onSuccess(shown -> manage(ctx, 200, shown, shown.json(), List.of()))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    MultiMap form = ctx.request().formAttributes();
    boolean withdrawing = "withdraw".equals(form.get("action"));
    JsonObject body = withdrawing ? null : body(form);
    Future<JsonObject> done = withdrawing ? requests.withdraw(token) : requests.change(token, body.copy());
    done.onSuccess(json -> Http.seeOther(ctx, RequestLinks.PAGE + token + "?done=" + (withdrawing ? "withdrawn" : "changed")))
        .onFailure(error -> Refusals.show(ctx, error, (status, errors) -> requests.shown(token)
            .onSuccess(shown -> manage(ctx, status, shown, body == null ? shown.json() : body, errors))
            .onFailure(ctx::fail)));
  }

  /** The form's fields as the API's request body: choices by rank, the second window when given. */
  static JsonObject body(MultiMap form) {
    JsonObject body = Forms.json(form, FIELDS, WHOLE_NUMBERS);
    JsonArray choices = new JsonArray();
    for (int rank = 1; rank <= RANKS; rank++) {
      String choice = form.get("choice" + rank);
      if (choice != null && !choice.isBlank()) {
        choices.add(choice.strip());
      }
    }
    JsonObject window = Forms.json(form, List.of("window2.arrival", "window2.departure"), Set.of()).getJsonObject("window2");
    String priority = form.get("priority_education");
    return body.put("choices", choices).put("any_other", form.contains("any_other"))
        .put("windows", window == null ? new JsonArray() : new JsonArray().add(window))
        .put("priority_education", priority == null || priority.isBlank() ? null : priority);
  }

  private void form(RoutingContext ctx, int status, Fair fair, JsonObject typed, String key, List<FieldError> errors) {
    String language = I18n.language(ctx);
    Instant now = Instant.now();
    fields(ctx, fair, typed, errors).onSuccess(model -> pages.render(ctx, status, "request", model
            .put("title", fair.details().name())
            .put("fair", fairJson(fair, language))
            .put("open", fair.requestsOpen(now))
            .put("notice", notice(fair, language, now))
            .put(Forms.IDEMPOTENCY_KEY, key)))
        .onFailure(ctx::fail);
  }

  private void manage(RoutingContext ctx, int status, RequestService.Shown shown, JsonObject typed,
                      List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject request = shown.json();
    Fair fair = shown.fair();
    String done = ctx.queryParams().get("done");
    fields(ctx, fair, typed, errors).onSuccess(model -> pages.render(ctx, status, "request-manage", model
            .put("title", Catalogue.say(language, "request_title", Map.of("class",
                request.getJsonObject("class").getString("name"))))
            .put("fair", fairJson(fair, language))
            .put("request", request)
            .put("status_text", Catalogue.say(language, "request_status_" + request.getString("status"),
                Map.of("when", local(fair, fair.registration().allocationAt()),
                    "until", local(fair, fair.registration().requestsClose()))))
            .put("choice_names", choiceNames(model.getJsonArray("tracks_all"), request.getJsonArray("choices")))
            .put("done", done != null && NOTICES.contains(done) ? Catalogue.text(language, "request_done_" + done) : null)))
        .onFailure(ctx::fail);
  }

  /** What both forms show: the booking form's lists, the ranked choices and the second window, errors beside them. */
  private Future<JsonObject> fields(RoutingContext ctx, Fair fair, JsonObject typed, List<FieldError> errors) {
    String language = I18n.language(ctx);
    return Future.all(requests.tracks(fair), bookings.rules(fair)).map(all -> {
      List<RequestRepository.TrackName> tracks = all.resultAt(0);
      JsonArray chosen = typed.getJsonArray("choices", new JsonArray());
      JsonArray ranks = new JsonArray();
      for (int rank = 1; rank <= RANKS; rank++) {
        String selected = rank <= chosen.size() ? chosen.getString(rank - 1) : null;
        ranks.add(new JsonObject().put("id", "choice" + rank).put("name", "choice" + rank)
            .put("label", Catalogue.say(language, "request_choice_rank", Map.of("rank", rank)))
            .put("options", options(tracks, selected))
            .put("error", errorOf(errors, "choices[" + (rank - 1) + "]", language))
            .put("required", rank == 1));
      }
      JsonArray windows = typed.getJsonArray("windows", new JsonArray());
      JsonObject second = windows.isEmpty() ? new JsonObject() : windows.getJsonObject(0);
      JsonObject secondTimes = BookingFormRoutes.choices(ctx, fair, all.resultAt(1), second);
      return new JsonObject()
          .put("form", typed)
          .put("choices", BookingFormRoutes.choices(ctx, fair, all.resultAt(1), typed))
          .put("several_days", fair.days().size() > 1)
          .put("days", BookingFormRoutes.days(fair, Locale.forLanguageTag(language), typed.getString("day")))
          .put("ranks", ranks)
          .put("tracks_all", new JsonArray(tracks.stream().map(t -> (Object) new JsonObject().put("slug", t.slug())
              .put("name", t.name())).toList()))
          .put("choices_error", errorOf(errors, "choices", language))
          .put("any_other", typed.getBoolean("any_other", false))
          .put("window2", new JsonObject().put("arrival", secondTimes.getJsonArray("arrival"))
              .put("departure", secondTimes.getJsonArray("departure"))
              .put("arrival_error", errorOf(errors, "windows[0].arrival", language))
              .put("departure_error", errorOf(errors, "windows[0].departure", language)))
          .put("priorities", priorities(typed.getString("priority_education"), language))
          .put("errors", Pages.errorList(errors));
    });
  }

  private static JsonArray options(List<RequestRepository.TrackName> tracks, String selected) {
    return new JsonArray(tracks.stream().map(t -> (Object) new JsonObject().put("value", t.slug()).put("label", t.name())
        .put("selected", t.slug().equals(selected))).toList());
  }

  private static JsonArray priorities(String chosen, String language) {
    return new JsonArray(RequestInput.PRIORITY_EDUCATION.stream().map(p -> (Object) new JsonObject().put("value", p)
        .put("label", Catalogue.text(language, "priority_education_" + p)).put("selected", p.equals(chosen))).toList());
  }

  private static String errorOf(List<FieldError> errors, String field, String language) {
    return errors.stream().filter(e -> e.field().equals(field)).map(e -> e.text(language)).findFirst().orElse(null);
  }

  private static JsonArray choiceNames(JsonArray tracks, JsonArray slugs) {
    JsonArray names = new JsonArray();
    slugs.forEach(slug -> names.add(tracks.stream().map(t -> (JsonObject) t).filter(t -> t.getString("slug").equals(slug))
        .map(t -> t.getString("name")).findFirst().orElse((String) slug)));
    return names;
  }

  private static JsonObject fairJson(Fair fair, String language) {
    return new JsonObject().put("slug", fair.slug()).put("name", fair.details().name()).put("city", fair.details().city())
        .put("dates", fair.dateLabels(Locale.forLanguageTag(language)))
        .put("allocation_on", Catalogue.say(language, "request_allocation_on",
            Map.of("when", local(fair, fair.registration().allocationAt()))));
  }

  /** Why the form is not offered now: the window not open yet, or closed; null while open. */
  private static String notice(Fair fair, String language, Instant now) {
    if (fair.requestsOpen(now)) {
      return null;
    }
    OffsetDateTime open = fair.registration().requestsOpen();
    return now.isBefore(open.toInstant())
        ? Catalogue.say(language, "request_opens_on", Map.of("when", local(fair, open)))
        : Catalogue.say(language, "request_closed_on", Map.of("when", local(fair, fair.registration().requestsClose())));
  }

  private static java.time.LocalDateTime local(Fair fair, OffsetDateTime instant) {
    return instant.atZoneSameInstant(fair.zone()).toLocalDateTime();
  }
}
