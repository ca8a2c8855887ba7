package fr.parcours.association;

import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The page a sign-in link opens. Opening it only shows a button: mail scanners open links, and
 * must not use up a single-use link. The button redeems it, sets the session cookie and lands
 * on the association's page.
 */
public final class AssociationPageRoutes {

  private static final String HOME = "/associations/me";

  private final AssociationService associations;
  private final AssociationAuth auth;
  private final Pages pages;

  public AssociationPageRoutes(AssociationService associations, AssociationAuth auth, Pages pages) {
    this.associations = associations;
    this.auth = auth;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/associations/sign-in/:token").handler(ctx -> pages.render(ctx, 200, "association-sign-in",
        new JsonObject().put("title", I18n.message(I18n.language(ctx), "association_sign_in_title"))));
    router.post("/associations/sign-in/:token").handler(this::signIn);
    router.get(HOME).handler(auth.requireAssociation()).handler(ctx -> pages.render(ctx, 200, "association-home",
        new JsonObject().put("title", AssociationAuth.current(ctx).name())
            .put("association", AssociationAuth.current(ctx).toJson())));
  }

  private void signIn(RoutingContext ctx) {
    associations.redeem(ctx.pathParam("token"))
        .onSuccess(login -> {
          ctx.response().addCookie(auth.sessionCookie(login));
          Http.seeOther(ctx, HOME);
        })
        .onFailure(ctx::fail);
  }
}
