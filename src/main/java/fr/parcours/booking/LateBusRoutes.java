package fr.parcours.booking;

import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.ext.web.Router;

/** A late bus told through the booking's manage token: {@code POST /api/bookings/{token}/late {"arrival": "10:10"}}. */
public final class LateBusRoutes {

  private final LateBus lateBus;

  public LateBusRoutes(LateBus lateBus) {
    this.lateBus = lateBus;
  }

  public void mount(Router router) {
    router.post("/api/bookings/:token/late").handler(ctx -> {
      Http.respond(ctx, 200, lateBus.announce(ctx.pathParam("token"), LateBus.arrival(Http.body(ctx))));
    });
  }
}
