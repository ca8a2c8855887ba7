package fr.parcours.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsNaming;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Requests counted and timed per route, method and status, under Vert.x's meter names. */
class RouteMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RouteMetrics metrics = new RouteMetrics(new HttpServerMetrics<Object, Object, Object>() {
  }, registry, MetricsNaming.v4Names());

  @Test
  void countsAndTimesEachRouteMethodAndStatus() {
    answer(HttpMethod.GET, 200, "/api/fairs/:fairSlug");
    answer(HttpMethod.GET, 200, "/api/fairs/:fairSlug");
    answer(HttpMethod.GET, 304, "/api/fairs/:fairSlug");
    answer(HttpMethod.POST, 201, "/api/fairs/:fairSlug/bookings");

    assertEquals(2.0, registry.get("vertx.http.server.requests").tags("route", "/api/fairs/:fairSlug", "method", "GET",
        "code", "200").counter().count());
    assertEquals(1.0, registry.get("vertx.http.server.requests").tags("code", "304").counter().count());
    assertEquals(1, registry.get("vertx.http.server.response.time").tags("route", "/api/fairs/:fairSlug/bookings",
        "method", "POST", "code", "201").timer().count());
    assertEquals(2 * 100, registry.get("vertx.http.server.response.bytes").tags("code", "200").summary().totalAmount());
    assertEquals(0.0, registry.get("vertx.http.server.active.requests").tags("method", "GET").gauge().value());
  }

  @Test
  void joinsNestedRoutesAndNamesNoneWhenNothingMatched() {
    RouteMetrics.Request request = metrics.requestBegin(null, request(HttpMethod.GET));
    metrics.requestRouted(request, "/api");
    metrics.requestRouted(request, "/fairs");
    metrics.responseEnd(request, response(200), 10);
    answer(HttpMethod.GET, 404, null);

    assertEquals(1.0, registry.get("vertx.http.server.requests").tags("route", "/api>/fairs").counter().count());
    assertEquals(1.0, registry.get("vertx.http.server.requests").tags("route", "", "code", "404").counter().count());
  }

  @Test
  void aResetRequestIsNoLongerActiveAndCountedOnce() {
    RouteMetrics.Request request = metrics.requestBegin(null, request(HttpMethod.GET));
    assertEquals(1.0, registry.get("vertx.http.server.active.requests").gauge().value());
    metrics.requestReset(request);
    metrics.responseEnd(request, response(200), 0);

    assertEquals(0.0, registry.get("vertx.http.server.active.requests").gauge().value());
    assertEquals(1.0, registry.get("vertx.http.server.request.resets").counter().count());
  }

  @Test
  void keepsEachSeriesMeters() {
    answer(HttpMethod.GET, 200, "/health");
    var counter = registry.get("vertx.http.server.requests").counter();
    answer(HttpMethod.GET, 200, "/health");
    assertSame(counter, registry.get("vertx.http.server.requests").counter());
    assertEquals(1, registry.find("vertx.http.server.requests").counters().size());
  }

  private void answer(HttpMethod method, int status, String route) {
    RouteMetrics.Request request = metrics.requestBegin(null, request(method));
    metrics.requestRouted(request, route);
    metrics.requestEnd(request, request(method), 0);
    metrics.responseEnd(request, response(status), 100);
  }

  private static HttpRequest request(HttpMethod method) {
    return new HttpRequest() {
      @Override
      public int id() {
        return 1;
      }

      @Override
      public String uri() {
        return "/";
      }

      @Override
      public String absoluteURI() {
        return "http://localhost/";
      }

      @Override
      public HttpMethod method() {
        return method;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }

      @Override
      public SocketAddress remoteAddress() {
        return null;
      }
    };
  }

  private static HttpResponse response(int status) {
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }
    };
  }
}
