package fr.parcours.admin;

import fr.parcours.auth.AuthService;
import fr.parcours.auth.Organiser;
import fr.parcours.auth.ThrottledLogin;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import fr.parcours.web.PageSecurity;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The organiser's browser session: the bearer token of an ordinary login, kept in an HttpOnly,
 * SameSite=Lax cookie scoped to {@code /admin} and {@code /staff}, so pages never hand it to
 * scripts and the API (which only reads the Authorization header) never accepts it from a
 * forged cross-site post.
 */
final class AdminSession {

  static final String PATH = "/admin";
  /** The organiser's pages, and the entrance's pages of the day that the fair's staff use. */
  private static final List<String> SCOPES = List.of(PATH, "/staff");
  private static final String COOKIE = "parcours_admin";
  /** The lifetime of the login's token: the cookie may not outlive it. */
  private static final long MAX_AGE_SECONDS = 12 * 3600;

  private final AuthService auth;
  private final ThrottledLogin logins;
  private final FairService fairs;

  AdminSession(AuthService auth, ThrottledLogin logins, FairService fairs) {
    this.auth = auth;
    this.logins = logins;
    this.fairs = fairs;
  }

  /** Runs {@code page} for the signed-in organiser; a signed-out visitor is sent to the sign-in form. */
  void signedIn(RoutingContext ctx, Function<Organiser, Future<Void>> page) {
    organiser(ctx).compose(page).onFailure(error -> {
      if (isSignedOut(error)) {
        Http.seeOther(ctx, PATH);
      } else {
        ctx.fail(error);
      }
    });
  }

  /** Runs {@code page} for the fair of the path, which the signed-in organiser must be an editor of (403 otherwise). */
  void ownFair(RoutingContext ctx, BiFunction<Organiser, Fair, Future<Void>> page) {
    signedIn(ctx, organiser -> fairs.require(ctx.pathParam("fairSlug"), organiser, FairRole.EDITOR)
        .compose(fair -> page.apply(organiser, fair)));
  }

  static boolean isSignedOut(Throwable error) {
    return error instanceof AppException app && app.kind() == AppException.Kind.UNAUTHENTICATED;
  }

  /** The signed-in organiser, or UNAUTHENTICATED when there is no valid session. */
  Future<Organiser> organiser(RoutingContext ctx) {
    String token = token(ctx);
    return token == null
        ? Future.failedFuture(AppException.unauthenticatedBecause("organiser"))
        : auth.authenticate(token);
  }

  Future<Void> signIn(RoutingContext ctx, String email, String password) {
    return logins.login(ctx, email, password).map(login -> keep(ctx, login));
  }

  /** Keeps a login made elsewhere (an accepted invitation) as the browser's session. */
  Void keep(RoutingContext ctx, AuthService.Login login) {
    SCOPES.forEach(scope -> ctx.response().addCookie(PageSecurity.cookie(ctx, COOKIE, login.token(), scope, MAX_AGE_SECONDS)));
    return null;
  }

  Future<Void> signOut(RoutingContext ctx) {
    String token = token(ctx);
    SCOPES.forEach(scope -> ctx.response().addCookie(PageSecurity.cookie(ctx, COOKIE, "", scope, 0)));
    return token == null ? Future.succeededFuture() : auth.logout(token);
  }

  private static String token(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }
}
