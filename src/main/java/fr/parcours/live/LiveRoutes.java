package fr.parcours.live;

import fr.parcours.fair.FairService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The live availability of a published fair, as server-sent events. */
public final class LiveRoutes {

  private final FairService fairs;
  private final AvailabilityStreams streams;

  public LiveRoutes(FairService fairs, AvailabilityStreams streams) {
    this.fairs = fairs;
    this.streams = streams;
  }

  public void mount(Router router) {
    router.get("/api/fairs/:fairSlug/availability/events").handler(this::events);
  }

  private void events(RoutingContext ctx) {
    fairs.readable(ctx.pathParam("fairSlug"), null)
        .map(fair -> {
          streams.open(fair.id(), fair.slug(), ctx.request());
          return fair;
        })
        .onFailure(ctx::fail);
  }
}
