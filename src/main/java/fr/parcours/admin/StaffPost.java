package fr.parcours.admin;

import fr.parcours.checkin.CheckInRequest;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.web.ErrorHandler;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A class's headcount posted by a staff phone page (the entrance's check-in, a room's presence):
 * by the page itself, which is sent on or drawn again with what was refused, or by its offline
 * queue ({@code offline-queue.js}), which asks for JSON: 201 with the class's code, or the
 * refusal's messages.
 */
final class StaffPost {

  /** A refusal of what was typed, as the page shows it: its status and the errors beside the fields. */
  record Refused(int status, List<FieldError> errors) {

    static Refused of(AppException refusal) {
      return new Refused(ErrorHandler.status(refusal.kind()), Pages.fieldErrors(refusal));
    }
  }

  private static final int MAX_KEY_LENGTH = 200;

  private StaffPost() {
  }

  /**
   * Reads the form, records it with {@code send} (given the request and its Idempotency-Key;
   * it answers the class's code) and answers. A refusal {@code shown} turns into one the page
   * shows is the form's; any other goes to the error page.
   */
  static Future<Void> answer(RoutingContext ctx, BiFunction<CheckInRequest, String, Future<Outcome<String>>> send,
                             Function<AppException, Optional<Refused>> shown, Runnable sent,
                             BiFunction<Integer, List<FieldError>, Future<Void>> redraw) {
    MultiMap form = ctx.request().formAttributes();
    boolean script = wantsJson(ctx);
    return Future.<CheckInRequest>succeededFuture().map(start -> request(form))
        .compose(request -> send.apply(request, key(form)))
        .<Void>map(done -> {
          if (script) {
            Http.json(ctx, 201, new JsonObject().put("code", done.value()).put("replayed", !done.created()));
          } else {
            sent.run();
          }
          return null;
        })
        .recover(error -> {
          Optional<Refused> refused = error instanceof AppException refusal ? shown.apply(refusal) : Optional.empty();
          if (refused.isEmpty()) {
            return Future.failedFuture(error);
          }
          if (!script) {
            return redraw.apply(refused.get().status(), refused.get().errors());
          }
          Http.json(ctx, refused.get().status(), new JsonObject().put("errors", said(refused.get().errors(),
              (AppException) error, I18n.language(ctx))));
          return Future.succeededFuture();
        });
  }

  /** The queue shows the first message; a refusal of no field says its code's. */
  private static JsonArray said(List<FieldError> errors, AppException refusal, String language) {
    return new JsonArray(errors.isEmpty()
        ? List.of(new JsonObject().put("message", I18n.message(language, "error." + refusal.code())))
        : errors.stream().map(e -> (Object) Pages.said(e, language)).toList());
  }

  private static CheckInRequest request(MultiMap form) {
    return CheckInRequest.parse(JsonInput.of(new JsonObject().put("code", form.get("code"))
        .put("pupils", number(form.get("pupils"))).put("adults", number(form.get("adults")))));
  }

  /** A number as typed; what is not one is left as text, for the field's own refusal. */
  private static Object number(String typed) {
    try {
      return typed == null ? null : Integer.valueOf(typed.trim());
    } catch (NumberFormatException e) {
      return typed;
    }
  }

  /** The key the page (or its queue) sent; a page without one gets a key per post. */
  private static String key(MultiMap form) {
    String key = form.get("idempotency_key");
    return key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH ? UUID.randomUUID().toString() : key;
  }

  private static boolean wantsJson(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("application/json");
  }
}
