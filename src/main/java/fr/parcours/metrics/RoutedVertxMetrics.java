package fr.parcours.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MetricsNaming;

/**
 * Vert.x's Micrometer metrics as they are, but for the HTTP server's requests, counted by
 * {@link RouteMetrics} with meters it keeps instead of finding them again for every request.
 */
final class RoutedVertxMetrics implements VertxMetrics {

  private final VertxMetrics vertx;
  private final MeterRegistry registry;
  private final MetricsNaming names;

  RoutedVertxMetrics(VertxMetrics vertx, MeterRegistry registry, MetricsNaming names) {
    this.vertx = vertx;
    this.registry = registry;
    this.names = names;
  }

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
    HttpServerMetrics<?, ?, ?> connections = vertx.createHttpServerMetrics(options, localAddress);
    return connections == null ? null : new RouteMetrics(connections, registry, names);
  }

  @Override
  public EventBusMetrics createEventBusMetrics() {
    return vertx.createEventBusMetrics();
  }

  @Override
  public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
    return vertx.createClientMetrics(remoteAddress, type, namespace);
  }

  @Override
  public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
    return vertx.createHttpClientMetrics(options);
  }

  @Override
  public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
    return vertx.createNetServerMetrics(options, localAddress);
  }

  @Override
  public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
    return vertx.createNetClientMetrics(options);
  }

  @Override
  public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
    return vertx.createDatagramSocketMetrics(options);
  }

  @Override
  public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
    return vertx.createPoolMetrics(poolType, poolName, maxPoolSize);
  }

  @Override
  public void vertxCreated(Vertx created) {
    vertx.vertxCreated(created);
  }

  @Override
  public boolean isMetricsEnabled() {
    return vertx.isMetricsEnabled();
  }

  @Override
  public void close() {
    vertx.close();
  }
}
