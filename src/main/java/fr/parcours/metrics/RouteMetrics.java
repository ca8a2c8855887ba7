package fr.parcours.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MetricsNaming;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP server's requests per route, method and status, under the names and labels Vert.x's
 * Micrometer metrics give them ({@code vertx_http_server_requests_total{code,method,route}},
 * {@code …_response_time_seconds}, {@code …_response_bytes}, {@code …_request_bytes{method}},
 * {@code …_active_requests{method}}), with each series' meters looked up once and then kept:
 * Vert.x 5.0 builds the tags and finds four meters in the registry again for every request, a
 * tenth of the event loops' time on a cached read. Connections, bytes and errors stay Vert.x's.
 */
final class RouteMetrics implements HttpServerMetrics<RouteMetrics.Request, LongAdder, Object> {

  /** Vert.x's prefix for its HTTP server's meters: {@code vertx.http.server.}. */
  private static final String PREFIX = MetricsDomain.HTTP_SERVER.getPrefix();

  private final HttpServerMetrics<Object, Object, Object> connections;
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ConcurrentMap<Series, Meters> answered = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, PerMethod> methods = new ConcurrentHashMap<>();
  private final LongAdder webSockets = new LongAdder();

  @SuppressWarnings("unchecked")
  RouteMetrics(HttpServerMetrics<?, ?, ?> vertxMetrics, MeterRegistry registry, MetricsNaming names) {
    this.connections = (HttpServerMetrics<Object, Object, Object>) vertxMetrics;
    this.registry = registry;
    this.names = names;
    Gauge.builder(PREFIX + names.getHttpActiveWsConnections(), webSockets, LongAdder::doubleValue)
        .description("Number of websockets currently opened").register(registry);
  }

  /** One request's state, on its connection's event loop. */
  static final class Request {
    private final PerMethod method;
    private final long started = System.nanoTime();
    private String route = "";
    private boolean done;

    private Request(PerMethod method) {
      this.method = method;
    }
  }

  private record Series(String route, String method, int code) {
  }

  private record Meters(Counter count, Timer time, DistributionSummary bytes) {
  }

  private record PerMethod(String name, LongAdder active, DistributionSummary requestBytes, Counter resets) {
  }

  @Override
  public Request requestBegin(Object socket, HttpRequest request) {
    return begin(request.method());
  }

  @Override
  public Request responsePushed(Object socket, HttpMethod method, String uri, HttpResponse response) {
    return begin(method);
  }

  private Request begin(HttpMethod method) {
    PerMethod perMethod = methods.computeIfAbsent(method.name(), this::perMethod);
    perMethod.active().increment();
    return new Request(perMethod);
  }

  /** Route names as Vert.x joins them: a sub-router's route after its mount point's, with '>'. */
  @Override
  public void requestRouted(Request request, String route) {
    if (route != null) {
      request.route = request.route.isEmpty() ? route : request.route + ">" + route;
    }
  }

  @Override
  public void requestEnd(Request request, HttpRequest http, long bytesRead) {
    request.method.requestBytes().record(bytesRead);
  }

  @Override
  public void requestReset(Request request) {
    request.method.resets().increment();
    finish(request);
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    Meters meters = answered.computeIfAbsent(new Series(request.route, request.method.name(), response.statusCode()),
        this::meters);
    meters.count().increment();
    meters.time().record(System.nanoTime() - request.started, TimeUnit.NANOSECONDS);
    meters.bytes().record(bytesWritten);
    finish(request);
  }

  private static void finish(Request request) {
    if (!request.done) {
      request.done = true;
      request.method.active().decrement();
    }
  }

  @Override
  public LongAdder connected(Object socket, Request request, ServerWebSocket webSocket) {
    webSockets.increment();
    return webSockets;
  }

  @Override
  public void disconnected(LongAdder webSocket) {
    webSocket.decrement();
  }

  @Override
  public Object connected(SocketAddress remote, String remoteName) {
    return connections.connected(remote, remoteName);
  }

  @Override
  public void disconnected(Object socket, SocketAddress remote) {
    connections.disconnected(socket, remote);
  }

  @Override
  public void bytesRead(Object socket, SocketAddress remote, long bytes) {
    connections.bytesRead(socket, remote, bytes);
  }

  @Override
  public void bytesWritten(Object socket, SocketAddress remote, long bytes) {
    connections.bytesWritten(socket, remote, bytes);
  }

  @Override
  public void exceptionOccurred(Object socket, SocketAddress remote, Throwable failure) {
    connections.exceptionOccurred(socket, remote, failure);
  }

  @Override
  public void close() {
    connections.close();
  }

  private PerMethod perMethod(String method) {
    LongAdder active = new LongAdder();
    Gauge.builder(PREFIX + names.getHttpActiveRequests(), active, LongAdder::doubleValue)
        .description("Number of requests being processed").tag("method", method).register(registry);
    return new PerMethod(method, active,
        DistributionSummary.builder(PREFIX + names.getHttpRequestBytes()).description("Size of requests in bytes")
            .tag("method", method).register(registry),
        Counter.builder(PREFIX + names.getHttpRequestResetsCount()).description("Number of request resets")
            .tag("method", method).register(registry));
  }

  private Meters meters(Series series) {
    String code = String.valueOf(series.code());
    return new Meters(
        Counter.builder(PREFIX + names.getHttpRequestsCount()).description("Number of processed requests")
            .tags("route", series.route(), "method", series.method(), "code", code).register(registry),
        Timer.builder(PREFIX + names.getHttpResponseTime()).description("Request processing time")
            .tags("route", series.route(), "method", series.method(), "code", code).register(registry),
        DistributionSummary.builder(PREFIX + names.getHttpResponseBytes()).description("Size of responses in bytes")
            .tags("route", series.route(), "method", series.method(), "code", code).register(registry));
  }
}
