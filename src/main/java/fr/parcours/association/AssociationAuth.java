package fr.parcours.association;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.auth.AuthService;
import fr.parcours.error.AppException;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards association routes: the session token comes as a bearer (API) or a cookie (pages).
 * On routes with an {@code :association} path parameter, "me" is the signed-in association;
 * an organiser of the fair may name any of its associations there to act on its behalf.
 */
public final class AssociationAuth {

  static final String COOKIE = "parcours_association";
  static final String ME = "me";
  private static final String KEY = "association";

  private final AssociationService associations;
  private final AuthService organisers;
  private final FairService fairs;
  private final boolean secureCookies;

  public AssociationAuth(AssociationService associations, AuthService organisers, FairService fairs, String publicUrl) {
    this.associations = associations;
    this.organisers = organisers;
    this.fairs = fairs;
    this.secureCookies = publicUrl.startsWith("https://");
  }

  /** The association the request acts as, set by {@link #requireAssociation()}. */
  public static SignedInAssociation current(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** Lets the request through as an association (else 401), checking it may act for the one the path names. */
  public Handler<RoutingContext> requireAssociation() {
    return ctx -> {
      String bearer = AuthRoutes.bearerToken(ctx);
      Cookie cookie = ctx.request().getCookie(COOKIE);
      String token = bearer != null ? bearer : cookie == null ? null : cookie.getValue();
      if (token == null) {
        ctx.fail(AppException.unauthenticatedBecause("association"));
        return;
      }
      associations.authenticate(token)
          .compose(found -> found.map(association -> Future.succeededFuture(checked(ctx, association)))
              .orElseGet(() -> bearer == null ? Future.failedFuture(expired()) : organiserActing(ctx, bearer)))
          .onSuccess(association -> {
            ctx.put(KEY, association);
            ctx.next();
          })
          .onFailure(ctx::fail);
    };
  }

  /** The session cookie a signed-in browser keeps: not readable by scripts, not sent by other sites' forms. */
  Cookie sessionCookie(AssociationService.Login login) {
    return cookie(login.token(), AssociationService.SESSION_LIFETIME.toSeconds());
  }

  private Cookie cookie(String value, long maxAgeSeconds) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(secureCookies).setMaxAge(maxAgeSeconds);
  }

  /** Signs the browser out: the cookie is cleared and its session token deleted. */
  Future<Void> signOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    ctx.response().addCookie(cookie("", 0));
    return cookie == null || cookie.getValue().isBlank() ? Future.succeededFuture()
        : associations.signOut(cookie.getValue());
  }

  private static SignedInAssociation checked(RoutingContext ctx, SignedInAssociation association) {
    String named = ctx.pathParam("association");
    if (named != null && !ME.equals(named) && !named.equals(association.slug())) {
      throw AppException.forbiddenBecause("association_self");
    }
    String fairSlug = ctx.pathParam("fairSlug");
    if (fairSlug != null && !fairSlug.equals(association.fairSlug())) {
      throw AppException.forbiddenBecause("other_fair");
    }
    return association;
  }

  private Future<SignedInAssociation> organiserActing(RoutingContext ctx, String bearer) {
    String named = ctx.pathParam("association");
    String fairSlug = ctx.pathParam("fairSlug");
    return organisers.authenticate(bearer).compose(organiser -> {
      if (named == null || ME.equals(named) || fairSlug == null) {
        return Future.failedFuture(AppException.forbiddenBecause("association_unnamed"));
      }
      return fairs.require(fairSlug, organiser, FairRole.EDITOR).compose(fair -> associations.forOrganiser(fair, named));
    });
  }

  private static AppException expired() {
    return AppException.unauthenticatedBecause("association_expired");
  }
}
