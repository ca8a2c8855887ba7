package fr.parcours.association;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Throttle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The association API: registration, password-less sign-in, who a token acts as, and its schedule. */
public final class AssociationRoutes {

  static final String FAIR_ASSOCIATIONS = "/api/fairs/:fairSlug/associations";
  static final String ASSOCIATION = FAIR_ASSOCIATIONS + "/:association";

  private final AssociationService associations;
  private final ScheduleService schedules;
  private final FairService fairs;
  private final AssociationAuth auth;
  private final Throttle throttle;

  public AssociationRoutes(AssociationService associations, ScheduleService schedules, FairService fairs,
                           AssociationAuth auth, Throttle throttle) {
    this.associations = associations;
    this.schedules = schedules;
    this.fairs = fairs;
    this.auth = auth;
    this.throttle = throttle;
  }

  public void mount(Router router) {
    router.post(FAIR_ASSOCIATIONS + "/registrations").handler(this::register);
    router.post(FAIR_ASSOCIATIONS + "/sign-in").handler(this::requestSignIn);
    router.post("/api/associations/sign-in/:token").handler(ctx -> Http.respond(ctx, 200,
        associations.redeem(ctx.pathParam("token")).map(AssociationRoutes::login)));
    router.post("/api/associations/rejoin/:token").handler(ctx -> Http.respond(ctx, 201,
        associations.rejoin(ctx.pathParam("token")).map(AssociationRoutes::login)));
    router.get(ASSOCIATION).handler(auth.requireAssociation())
        .handler(ctx -> Http.json(ctx, 200, AssociationAuth.current(ctx).toJson()));
    router.get(ASSOCIATION + "/schedule").handler(auth.requireAssociation()).handler(ctx -> Http.respond(ctx, 200,
        fairs.findBySlug(ctx.pathParam("fairSlug")).compose(fair -> schedules.of(fair, AssociationAuth.current(ctx)))));
  }

  private static JsonObject login(AssociationService.Login login) {
    return new JsonObject().put("token", login.token()).put("expires_at", login.expiresAt().toString())
        .put("association", login.association().toJson());
  }

  /**
   * 202 for every valid registration, its email already an association's or not (that one is
   * mailed instead): the answer must not tell who is registered.
   */
  private void register(RoutingContext ctx) {
    Registration registration = Registration.read(Http.body(ctx));
    Http.respond(ctx, 202, linkCounted(ctx, throttle, registration.contactEmail())
        .compose(counted -> published(ctx)).compose(fair -> associations.register(fair, registration, I18n.named(ctx)))
        .map(done -> accepted(ctx, "association_notice_registered")));
  }

  /** Always 202, known address or not: the answer must not tell who is registered. */
  private void requestSignIn(RoutingContext ctx) {
    JsonInput in = Http.body(ctx);
    String email = in.requiredText("email");
    in.validate();
    Http.respond(ctx, 202, linkCounted(ctx, throttle, email)
        .compose(counted -> published(ctx)).compose(fair -> associations.requestSignIn(fair, email))
        .map(done -> accepted(ctx, "association_notice_link_sent")));
  }

  /**
   * Counts a request that mails a sign-in link, per client address and per email, whether the
   * email is an association's or not (a refusal must not tell either), refusing it with 429 past either.
   */
  static Future<Void> linkCounted(RoutingContext ctx, Throttle throttle, String email) {
    Throttle.Limits limits = throttle.limits();
    return throttle.take(ctx, limits.linksPerAddress(), limits.linksPerEmail(), email);
  }

  private static JsonObject accepted(RoutingContext ctx, String notice) {
    return new JsonObject().put("message", I18n.message(I18n.apiLanguage(ctx), notice));
  }

  private Future<Fair> published(RoutingContext ctx) {
    return fairs.readable(ctx.pathParam("fairSlug"), null);
  }
}
