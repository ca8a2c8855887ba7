package fr.parcours.live;

import fr.parcours.fair.FairService;
import fr.parcours.web.ClientAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The live availability of a published fair, as server-sent events. */
public final class LiveRoutes {

  private final FairService fairs;
  private final AvailabilityStreams streams;
  private final ClientAddress clients;

  public LiveRoutes(FairService fairs, AvailabilityStreams streams, ClientAddress clients) {
    this.fairs = fairs;
    this.streams = streams;
    this.clients = clients;
  }

  public void mount(Router router) {
    router.get("/api/fairs/:fairSlug/availability/events").handler(this::events);
  }

  private void events(RoutingContext ctx) {
    String client = clients.of(ctx.request());
    fairs.readable(ctx.pathParam("fairSlug"), null)
        .map(fair -> {
          streams.open(fair.id(), fair.slug(), ctx.request(), client);
          return fair;
        })
        .onFailure(ctx::fail);
  }
}
