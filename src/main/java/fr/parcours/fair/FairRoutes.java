package fr.parcours.fair;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.auth.Organiser;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.fair.resource.ResourceSpec;
import fr.parcours.fair.resource.SlotService;
import fr.parcours.web.Http;
import fr.parcours.web.PreparedCache;
import fr.parcours.web.PreparedJson;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * The fair API: the public list and programme, and the organiser's writes on a fair and on
 * each of its sub-resources (one POST, PATCH and DELETE per kind of {@link ResourceCatalog}).
 */
public final class FairRoutes {

  private static final String FAIRS = "/api/fairs";
  private static final String FAIR = FAIRS + "/:fairSlug";

  private final FairService fairs;
  private final ResourceService resources;
  private final SlotService slots;
  private final AuthRoutes auth;
  private final PreparedJson prepared;

  public FairRoutes(FairService fairs, ResourceService resources, AuthRoutes auth, PreparedJson prepared) {
    this.fairs = fairs;
    this.resources = resources;
    this.slots = new SlotService(resources);
    this.auth = auth;
    this.prepared = prepared;
  }

  /** The programme every visitor's app reads: mounted before the other routes (see {@code ApiRouter}). */
  public void mountReads(Router router) {
    router.get(FAIR).handler(auth.optionalOrganiser()).handler(this::programme);
  }

  public void mount(Router router) {
    Handler<RoutingContext> organiser = auth.requireOrganiser();
    router.get(FAIRS).handler(ctx -> Http.respond(ctx, 200,
        fairs.published().map(list -> FairJson.list(list, Instant.now()))));
    router.post(FAIRS).handler(organiser).handler(ctx -> Http.respond(ctx, 201,
        fairs.create(AuthRoutes.organiser(ctx), Http.body(ctx)).map(fair -> FairJson.summary(fair, Instant.now()))));
    router.patch(FAIR).handler(organiser).handler(ctx -> Http.respond(ctx, 200, owned(ctx)
        .compose(fair -> fairs.update(fair, Http.body(ctx))).map(fair -> FairJson.summary(fair, Instant.now()))));
    ResourceCatalog.ALL.forEach(spec -> mountResource(router, organiser, spec));
  }

  private void mountResource(Router router, Handler<RoutingContext> organiser, ResourceSpec spec) {
    String list = FAIR + "/" + spec.path();
    String item = list + "/:" + spec.key();
    router.post(list).handler(organiser).handler(ctx -> Http.respond(ctx, 201,
        owned(ctx).<Object>compose(fair -> spec == ResourceCatalog.SLOTS
            ? slots.create(fair, Http.body(ctx))
            : resources.create(fair, spec, Http.body(ctx)).map(created -> created))));
    router.patch(item).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(ctx).compose(fair -> resources.update(fair, spec, ctx.pathParam(spec.key()), Http.body(ctx)))));
    router.delete(item).handler(organiser).handler(ctx -> Http.respondNoContent(ctx,
        owned(ctx).compose(fair -> resources.delete(fair, spec, ctx.pathParam(spec.key())))));
  }

  /**
   * The whole programme; a draft only for its team (anyone else gets 404, as if it did not
   * exist), personal data (associations' contact addresses) only for its team too. What everyone
   * else reads is prepared once per change (until registration opens or closes) for all of them.
   */
  private void programme(RoutingContext ctx) {
    Organiser viewer = AuthRoutes.organiser(ctx);
    String slug = ctx.pathParam("fairSlug");
    if (viewer == null) {
      prepared.respond(ctx, "fair/" + slug, () -> fairs.readable(slug, null).compose(fair -> resources.document(fair, false)
          .map(lists -> {
            Instant now = Instant.now();
            return new PreparedJson.Loaded(FairJson.summary(fair, now).mergeIn(lists), fair.id(), PreparedCache.EVERY_CHANGE,
                fair.registrationChangeAfter(now).orElse(null));
          })));
      return;
    }
    Http.respond(ctx, 200, fairs.readable(slug, viewer)
        .compose(fair -> inTeam(fair, viewer)
            .compose(member -> resources.document(fair, member))
            .map(lists -> FairJson.summary(fair, Instant.now()).mergeIn(lists))));
  }

  private Future<Boolean> inTeam(Fair fair, Organiser viewer) {
    return viewer == null ? Future.succeededFuture(false)
        : fairs.roleOf(fair, viewer).map(role -> role.filter(r -> r.allows(FairRole.STAFF)).isPresent());
  }

  private Future<Fair> owned(RoutingContext ctx) {
    return fairs.require(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), FairRole.EDITOR);
  }
}
