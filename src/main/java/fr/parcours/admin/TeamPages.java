package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.i18n.Catalogue;
import fr.parcours.team.TeamService;
import fr.parcours.web.ErrorHandler;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fair's team ({@code /team}): everyone in it sees who is, and only an owner invites by email,
 * changes a role or removes someone (the team API decides). The invitation's link opens
 * {@code /admin/invitations/{token}}: a new organiser chooses a name and a password, one with
 * an account gives theirs; both join and are signed in. A used or expired link says so.
 */
final class TeamPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/team";
  static final String INVITATION = AdminSession.PATH + "/invitations/:token";

  private final AdminSession session;
  private final FairService fairs;
  private final TeamService team;
  private final Pages pages;

  TeamPages(AdminSession session, FairService fairs, TeamService team, Pages pages) {
    this.session = session;
    this.fairs = fairs;
    this.team = team;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.signedIn(ctx, organiser -> member(ctx, organiser)
        .compose(fair -> render(ctx, 200, organiser, fair, new JsonObject(), List.of()))));
    router.post(PATH).handler(ctx -> session.signedIn(ctx, organiser -> member(ctx, organiser).compose(fair -> {
      MultiMap form = ctx.request().formAttributes();
      JsonObject typed = new JsonObject().put("email", text(form, "email")).put("role", text(form, "role"));
      return team.add(fair.slug(), organiser, JsonInput.of(typed.copy()), I18n.language(ctx))
          .<Void>map(added -> done(ctx, fair, "added", added.getString("email")))
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, typed, errors)));
    })));
    router.post(PATH + "/remove").handler(ctx -> session.signedIn(ctx, organiser -> member(ctx, organiser)
        .compose(fair -> {
          String email = text(ctx.request().formAttributes(), "email");
          return team.remove(fair.slug(), organiser, email)
              .<Void>map(removed -> done(ctx, fair, "removed", email))
              .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair,
                  new JsonObject(), errors)));
        })));
    router.get(INVITATION).handler(ctx -> invitation(ctx, 200, new JsonObject(), List.of()).onFailure(ctx::fail));
    router.post(INVITATION).handler(ctx -> accept(ctx).onFailure(ctx::fail));
  }

  /** The fair of the path, which any member of its team may open (what they may change is the API's to say). */
  private Future<Fair> member(RoutingContext ctx, Organiser organiser) {
    return fairs.require(ctx.pathParam("fairSlug"), organiser, FairRole.STAFF);
  }

  private static String text(MultiMap form, String field) {
    String value = form.get(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Void done(RoutingContext ctx, Fair fair, String what, String email) {
    Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + fair.slug() + "/team?" + what + "="
        + URLEncoder.encode(email, StandardCharsets.UTF_8));
    return null;
  }

  private Future<Void> render(RoutingContext ctx, int status, Organiser viewer, Fair fair, JsonObject typed,
                              List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    return Future.all(team.team(fair.slug(), viewer), fairs.roleOf(fair, viewer)).map(all -> {
      JsonObject shown = all.resultAt(0);
      Optional<FairRole> role = all.resultAt(1);
      boolean owner = role.orElse(null) == FairRole.OWNER;
      JsonArray members = new JsonArray();
      shown.getJsonArray("members").forEach(m -> members.add(row((JsonObject) m, viewer, messages, language, fair)));
      shown.getJsonArray("invitations").forEach(i -> members.add(row((JsonObject) i, viewer, messages, language, fair)));
      String added = ctx.queryParams().get("added");
      String removed = ctx.queryParams().get("removed");
      pages.render(ctx, status, "admin-team", new JsonObject()
          .put("title", messages.getString("admin_team_title") + " — " + fair.details().name())
          .put("organiser", viewer.toJson()).put("fair", Dashboard.fairSummary(fair))
          .put("owner", owner).put("members", members)
          .put("roles", roles(typed.getString("role", "editor"), messages))
          .put("form", typed).put("errors", Pages.errorList(errors))
          .put("added", added).put("removed", removed));
      return null;
    });
  }

  private static JsonObject row(JsonObject entry, Organiser viewer, JsonObject messages, String language, Fair fair) {
    String role = entry.getString("role");
    JsonObject row = entry.copy().put("role_label", messages.getString("role_" + role))
        .put("roles", roles(role, messages)).put("invited", "invited".equals(entry.getString("status")))
        .put("me", viewer.email().equalsIgnoreCase(entry.getString("email")));
    if (entry.getString("expires_at") != null) {
      row.put("state", Catalogue.say(language, "admin_team_invited", Map.of("date", OffsetDateTime.parse(
          entry.getString("expires_at")).atZoneSameInstant(fair.zone()).toLocalDate())));
    } else {
      row.put("state", messages.getString("admin_team_member"));
    }
    return row;
  }

  private static JsonArray roles(String selected, JsonObject messages) {
    return new JsonArray(Arrays.stream(FairRole.values()).map(role -> (Object) new JsonObject().put("value", role.json())
        .put("label", messages.getString("role_" + role.json())).put("selected", role.json().equals(selected)))
        .toList());
  }

  /** The invitation's page: what it offers and the form to accept it, or why it no longer can be. */
  private Future<Void> invitation(RoutingContext ctx, int status, JsonObject typed, List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    return team.offer(ctx.pathParam("token")).map(offer -> {
      pages.render(ctx, status, "admin-invitation", new JsonObject()
          .put("title", messages.getString("admin_invitation_title"))
          .put("fair_name", offer.fairName()).put("email", offer.email())
          .put("role", messages.getString("mail_team_role_" + offer.role().json()))
          .put("has_account", offer.hasAccount()).put("token", ctx.pathParam("token"))
          .put("form", typed).put("errors", Pages.errorList(errors)));
      return (Void) null;
    }).recover(error -> gone(ctx, error, messages));
  }

  /** A used, expired or unknown link: said plainly, with what to do next. */
  private Future<Void> gone(RoutingContext ctx, Throwable error, JsonObject messages) {
    if (!(error instanceof AppException refusal) || refusal.kind() != AppException.Kind.NOT_FOUND) {
      return Future.failedFuture(error);
    }
    pages.render(ctx, 404, "admin-invitation", new JsonObject().put("title", messages.getString("admin_invitation_title"))
        .put("gone", true));
    return Future.succeededFuture();
  }

  private Future<Void> accept(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    JsonObject body = new JsonObject().put("name", text(form, "name")).put("password", form.get("password"));
    if (body.getString("password") == null || body.getString("password").isEmpty()) {
      body.remove("password");
    }
    JsonObject typed = new JsonObject().put("name", body.getString("name"));
    return team.accept(ctx.pathParam("token"), JsonInput.of(body))
        .<Void>map(joined -> {
          session.keep(ctx, joined.login());
          Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + joined.fairSlug());
          return null;
        })
        .recover(error -> {
          if (AdminSession.isSignedOut(error)) {
            return invitation(ctx, ErrorHandler.status(((AppException) error).kind()), typed,
                List.of(FieldError.of("password", "LOGIN_FAILED")));
          }
          if (error instanceof AppException refusal && refusal.kind() == AppException.Kind.NOT_FOUND) {
            return gone(ctx, error, I18n.messages(I18n.language(ctx)));
          }
          return Refusals.shown(error, (status, errors) -> invitation(ctx, status, typed, errors));
        });
  }
}
