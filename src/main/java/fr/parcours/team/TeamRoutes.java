package fr.parcours.team;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** A fair's team ({@code /api/fairs/{fairSlug}/team}) and the acceptance of an invitation. */
public final class TeamRoutes {

  private static final String TEAM = "/api/fairs/:fairSlug/team";

  private final TeamService team;
  private final Handler<RoutingContext> organiser;

  public TeamRoutes(TeamService team, Handler<RoutingContext> organiser) {
    this.team = team;
    this.organiser = organiser;
  }

  public void mount(Router router) {
    router.get(TEAM).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        team.team(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx))));
    router.post(TEAM).handler(organiser).handler(ctx -> Http.respond(ctx, 201,
        team.add(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), Http.body(ctx), I18n.named(ctx))));
    router.delete(TEAM).handler(organiser).handler(ctx -> Http.respondNoContent(ctx,
        team.remove(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), ctx.queryParams().get("email"))));
    router.post("/api/team-invitations/:token").handler(ctx -> Http.respond(ctx, 201,
        team.accept(ctx.pathParam("token"), Http.body(ctx)).map(TeamService.Joined::login).map(login -> new JsonObject()
            .put("token", login.token()).put("expires_at", login.expiresAt().toString())
            .put("organiser", login.organiser().toJson()))));
  }
}
