package fr.parcours.association;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.ErrorHandler;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The association area's doors: {@code /associations} explains it and, for the published fair
 * chosen ({@code ?fair=slug}, or the only one), registers an association and sends sign-in
 * links; the link's page signs the browser in; signing out ends the session. Signed-out
 * visitors of the signed-in pages are sent back to the area.
 */
public final class AssociationPageRoutes {

  static final String AREA = "/associations";
  static final String HOME = AREA + "/me";
  private static final List<String> REGISTRATION = List.of("name", "theme", "contact.name", "contact.email", "website",
      "description");
  private static final Set<String> NOTICES = Set.of("registered", "link_sent", "link_renewed", "signed_out");

  private final AssociationService associations;
  private final AssociationAuth auth;
  private final FairService fairs;
  private final ResourceService resources;
  private final Throttle throttle;
  private final Pages pages;

  public AssociationPageRoutes(AssociationService associations, AssociationAuth auth, FairService fairs,
                               ResourceService resources, Throttle throttle, Pages pages) {
    this.associations = associations;
    this.auth = auth;
    this.fairs = fairs;
    this.resources = resources;
    this.throttle = throttle;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.route(HOME).failureHandler(AssociationPageRoutes::signedOutToArea);
    router.route(HOME + "/*").failureHandler(AssociationPageRoutes::signedOutToArea);
    router.get(AREA).handler(ctx -> area(ctx, 200, ctx.queryParams().get("fair"), new JsonObject(), List.of()));
    router.post(AREA + "/register").handler(this::register);
    router.post(AREA + "/sign-in").handler(this::requestSignIn);
    router.get(AREA + "/sign-in/:token").handler(this::linkPage);
    router.post(AREA + "/sign-in/:token").handler(this::redeem);
    router.post(AREA + "/sign-in/:token/renew").handler(this::renew);
    router.get(AREA + "/rejoin/:token").handler(ctx -> pages.render(ctx, 200, "association-rejoin",
        new JsonObject().put("title", I18n.message(I18n.language(ctx), "association_rejoin_title"))));
    router.post(AREA + "/rejoin/:token").handler(ctx -> signIn(ctx, associations.rejoin(ctx.pathParam("token"))));
    router.post(AREA + "/sign-out").handler(ctx -> auth.signOut(ctx)
        .onSuccess(done -> Http.seeOther(ctx, AREA + "?done=signed_out")).onFailure(ctx::fail));
  }

  /** Registers and sends the first sign-in link at once (there is no password to choose); the same notice when the address was an association's already. */
  private void register(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    JsonObject typed = Forms.json(form, REGISTRATION, Set.of());
    String slug = form.get("fair");
    Future.succeededFuture(typed).map(json -> Registration.read(JsonInput.of(json)))
        .compose(registration -> AssociationRoutes.linkCounted(ctx, throttle, registration.contactEmail())
            .compose(counted -> fairs.readable(slug, null))
            .compose(fair -> associations.register(fair, registration, I18n.language(ctx))))
        .onSuccess(done -> Http.seeOther(ctx, AREA + "?fair=" + slug + "&done=registered"))
        .onFailure(error -> refused(ctx, error, slug, new JsonObject().put("register", typed)));
  }

  /** Always the same answer, known address or not, as the API's. */
  private void requestSignIn(RoutingContext ctx) {
    String slug = ctx.request().getFormAttribute("fair");
    String email = ctx.request().getFormAttribute("email");
    JsonObject typed = new JsonObject().put("sign_in", new JsonObject().put("email", email));
    if (email == null || email.isBlank()) {
      refused(ctx, AppException.invalid("email", "REQUIRED", Map.of()), slug, typed);
      return;
    }
    AssociationRoutes.linkCounted(ctx, throttle, email.strip()).compose(counted -> fairs.readable(slug, null))
        .compose(fair -> associations.requestSignIn(fair, email.strip()))
        .onSuccess(done -> Http.seeOther(ctx, AREA + "?fair=" + slug + "&done=link_sent"))
        .onFailure(error -> refused(ctx, error, slug, typed));
  }

  /** The link's page: a button while it is live (mail scanners opening it use nothing), else why not and what to do. */
  private void linkPage(RoutingContext ctx) {
    associations.linkState(ctx.pathParam("token")).onSuccess(state -> {
      if (state == AssociationRepository.LinkState.VALID) {
        renderLink(ctx, 200, null, false);
      } else {
        refusedLink(ctx, AssociationService.refusal(state));
      }
    }).onFailure(ctx::fail);
  }

  private void redeem(RoutingContext ctx) {
    associations.redeem(ctx.pathParam("token")).onSuccess(login -> signedIn(ctx, login)).onFailure(error -> {
      if (error instanceof AppException refusal) {
        refusedLink(ctx, refusal);
      } else {
        ctx.fail(error);
      }
    });
  }

  /** One click on a used or expired link's page: a new link to the address the old one went to. */
  private void renew(RoutingContext ctx) {
    associations.linkOwner(ctx.pathParam("token")).compose(owner -> owner
            .map(found -> AssociationRoutes.linkCounted(ctx, throttle, found.contactEmail())
                .compose(counted -> fairs.readable(found.fairSlug(), null))
                .compose(fair -> associations.requestSignIn(fair, found.contactEmail()))
                .map(sent -> found.fairSlug()))
            .orElseGet(() -> Future.failedFuture(AppException.notFound("sign_in_link", null))))
        .onSuccess(fairSlug -> Http.seeOther(ctx, AREA + "?fair=" + fairSlug + "&done=link_renewed"))
        .onFailure(error -> {
          if (error instanceof AppException refusal) {
            renderLink(ctx, ErrorHandler.status(refusal.kind()), refusal, false);
          } else {
            ctx.fail(error);
          }
        });
  }

  /** A used or expired link offers a new one in one click; an unknown one, the area's form. */
  private void refusedLink(RoutingContext ctx, AppException refusal) {
    renderLink(ctx, ErrorHandler.status(refusal.kind()), refusal, refusal.kind() != AppException.Kind.NOT_FOUND);
  }

  private void renderLink(RoutingContext ctx, int status, AppException refusal, boolean renew) {
    String language = I18n.language(ctx);
    JsonObject model = new JsonObject().put("title", I18n.message(language, "association_sign_in_title"))
        .put("renew", renew);
    if (refusal != null) {
      model.put("refused", refusal.text(language)).put("token", ctx.pathParam("token"));
    }
    pages.render(ctx, status, "association-sign-in", model);
  }

  private void signIn(RoutingContext ctx, Future<AssociationService.Login> redeemed) {
    redeemed.onSuccess(login -> signedIn(ctx, login)).onFailure(ctx::fail);
  }

  private void signedIn(RoutingContext ctx, AssociationService.Login login) {
    ctx.response().addCookie(auth.sessionCookie(login));
    Http.seeOther(ctx, HOME);
  }

  private void refused(RoutingContext ctx, Throwable error, String slug, JsonObject typed) {
    Refusals.show(ctx, error, (status, errors) -> area(ctx, status, slug, typed, errors));
  }

  /** The area: the published fairs to choose from and, for the chosen one, its two forms. */
  private void area(RoutingContext ctx, int status, String slug, JsonObject typed, List<FieldError> errors) {
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    fairs.published().compose(published -> {
      Optional<Fair> chosen = chosen(published, slug);
      JsonObject model = new JsonObject()
          .put("title", I18n.message(I18n.language(ctx), "association_area_title"))
          .put("fairs", new JsonArray(published.stream().map(fair -> (Object) new JsonObject()
              .put("slug", fair.slug()).put("name", fair.details().name() + " · " + fair.details().city())
              .put("selected", chosen.filter(c -> c.id() == fair.id()).isPresent())).toList()))
          .put("form", typed).put("errors", Pages.errorList(errors));
      return chosen.map(fair -> resources.tracks(fair).map(tracks -> model
              .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name())
                  .put("city", fair.details().city()).put("dates", fair.dateLabels(locale)))
              .put("tracks", themes(tracks, typed))))
          .orElseGet(() -> Future.succeededFuture(model));
    }).onSuccess(model -> pages.render(ctx, status, "association-area",
        model.put("notice", errors.isEmpty() ? notice(ctx, NOTICES) : null))).onFailure(ctx::fail);
  }

  /** What the redirect here said was done ({@code ?done=}, one of {@code known}), in the visitor's words; null for nothing. */
  static String notice(RoutingContext ctx, Set<String> known) {
    String done = ctx.queryParams().get("done");
    return done != null && known.contains(done) ? I18n.message(I18n.language(ctx), "association_notice_" + done) : null;
  }

  /** The fair the visitor chose, or the only one published; a slug naming none is a 404. */
  private static Optional<Fair> chosen(List<Fair> published, String slug) {
    if (slug == null || slug.isBlank()) {
      return published.size() == 1 ? Optional.of(published.get(0)) : Optional.empty();
    }
    return Optional.of(published.stream().filter(fair -> fair.slug().equals(slug)).findFirst()
        .orElseThrow(() -> AppException.notFound("fair", slug)));
  }

  private static JsonArray themes(List<FairProgramme.Track> tracks, JsonObject typed) {
    String theme = typed.getJsonObject("register", new JsonObject()).getString("theme");
    return new JsonArray(tracks.stream().map(track -> (Object) new JsonObject()
        .put("slug", track.slug()).put("name", track.name()).put("selected", track.slug().equals(theme))).toList());
  }

  /** A signed-out (or expired) browser on a signed-in page goes back to the area, to ask for a link. */
  private static void signedOutToArea(RoutingContext ctx) {
    if (ctx.failure() instanceof AppException app && app.kind() == AppException.Kind.UNAUTHENTICATED) {
      Http.seeOther(ctx, AREA);
    } else {
      ctx.next();
    }
  }
}
