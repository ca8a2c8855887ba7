package fr.parcours.allocation;

import fr.parcours.booking.BookingRoutes;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.IdempotentPost;
import fr.parcours.web.Throttle;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP for class requests: teachers file with an Idempotency-Key (201, again when the key is
 * replayed), then see, change or withdraw through the token of their link.
 */
public final class RequestRoutes {

  private final RequestService requests;
  private final Throttle throttle;

  public RequestRoutes(RequestService requests, Throttle throttle) {
    this.requests = requests;
    this.throttle = throttle;
  }

  public void mount(Router router) {
    router.post("/api/fairs/:fairSlug/requests").handler(this::file);
    router.get("/api/requests/:token").handler(ctx -> Http.respond(ctx, 200, requests.show(ctx.pathParam("token"))));
    router.patch("/api/requests/:token").handler(ctx -> Http.respond(ctx, 200,
        requests.change(ctx.pathParam("token"), Http.bodyObject(ctx))));
    router.delete("/api/requests/:token").handler(ctx -> Http.respond(ctx, 200, requests.withdraw(ctx.pathParam("token"))));
  }

  private void file(RoutingContext ctx) {
    String key = IdempotentPost.key(ctx);
    RequestInput input = RequestInput.parse(Http.body(ctx));
    // Counted as a booking is: each request mails its teacher.
    IdempotentPost.created(ctx, BookingRoutes.counted(ctx, throttle, input.booking())
        .compose(counted -> requests.file(ctx.pathParam("fairSlug"), key, input, I18n.named(ctx))));
  }
}
