package fr.parcours.auth;

import fr.parcours.error.AppException;
import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Login, logout, "who am I", and the handler that guards every organiser-only route. */
public final class AuthRoutes {

  private static final String ORGANISER_KEY = "organiser";

  private final AuthService auth;
  private final ThrottledLogin logins;

  public AuthRoutes(AuthService auth, ThrottledLogin logins) {
    this.auth = auth;
    this.logins = logins;
  }

  public void mount(Router router) {
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/logout").handler(requireOrganiser()).handler(this::logout);
    router.get("/api/auth/me").handler(requireOrganiser())
        .handler(ctx -> Http.json(ctx, 200, organiser(ctx).toJson()));
  }

  /** Lets the request through only with a valid {@code Authorization: Bearer} token (else 401). */
  public Handler<RoutingContext> requireOrganiser() {
    return ctx -> {
      String token = bearerToken(ctx);
      if (token == null) {
        ctx.fail(AppException.unauthenticatedBecause("bearer"));
        return;
      }
      auth.authenticate(token).onSuccess(organiser -> {
        ctx.put(ORGANISER_KEY, organiser);
        ctx.next();
      }).onFailure(ctx::fail);
    };
  }

  /**
   * Lets anonymous requests through and identifies organisers who send a token (a public page
   * that shows its owner more, such as a draft fair). A token that is sent must be valid (else 401).
   */
  public Handler<RoutingContext> optionalOrganiser() {
    Handler<RoutingContext> required = requireOrganiser();
    return ctx -> {
      if (bearerToken(ctx) == null) {
        ctx.next();
      } else {
        required.handle(ctx);
      }
    };
  }

  /** The organiser {@link #requireOrganiser()} let through (null for an anonymous request). */
  public static Organiser organiser(RoutingContext ctx) {
    return ctx.get(ORGANISER_KEY);
  }

  private void login(RoutingContext ctx) {
    JsonInput in = Http.body(ctx);
    String email = in.requiredText("email");
    String password = in.requiredText("password");
    in.validate();
    Http.respond(ctx, 200, logins.login(ctx, email, password).map(login -> new JsonObject()
        .put("token", login.token())
        .put("expires_at", login.expiresAt().toString())
        .put("organiser", login.organiser().toJson())));
  }

  private void logout(RoutingContext ctx) {
    Http.respondNoContent(ctx, auth.logout(bearerToken(ctx)));
  }

  /** The token of an {@code Authorization: Bearer} header, or null when there is none. */
  public static String bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
