package fr.parcours.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's own measurements, next to the ones Vert.x takes of HTTP and the pool: what
 * features call (bookings, feed caches) without knowing about Micrometer or Prometheus. When
 * metrics are off every call goes to a registry that keeps nothing.
 */
public final class AppMetrics {

  /** Bookings slower than this are counted in the last bucket only. */
  private static final Duration[] BOOKING_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;

  private AppMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
  }

  /** Metrics kept for {@code /metrics} in Prometheus format, or none at all. */
  public static AppMetrics create(boolean enabled) {
    if (!enabled) {
      return new AppMetrics(new CompositeMeterRegistry(), null);
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new AppMetrics(prometheus, prometheus);
  }

  /** A Vert.x with {@code options} that reports HTTP server and pool metrics into this registry (none when off). */
  public Vertx newVertx(VertxOptions options) {
    if (prometheus == null) {
      return Vertx.vertx(options);
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        // Vert.x keeps registries by name in a static map: several servers in one JVM (tests) need their own.
        .setRegistryName("parcours-" + UUID.randomUUID())
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // Routes, not paths: a label per booking token would grow without bound.
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME));
    return Vertx.builder().with(options.setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(prometheus)).build();
  }

  /** The registry {@code /metrics} serves; empty when metrics are off. */
  public Optional<PrometheusMeterRegistry> prometheus() {
    return Optional.ofNullable(prometheus);
  }

  /**
   * One booking request answered: {@code outcome} is confirmed, waitlisted, replayed, or the
   * refusal's stable code (REGISTRATION_CLOSED…).
   */
  public void booking(String outcome, long nanos) {
    Counter.builder("parcours.bookings").description("Booking requests by outcome")
        .tag("outcome", outcome).register(registry).increment();
    Timer.builder("parcours.booking.duration").description("Time to answer a booking request")
        .serviceLevelObjectives(BOOKING_BUCKETS).register(registry).record(Duration.ofNanos(nanos));
  }

  /** A feed served from its in-memory cache ({@code hit}) or built again. */
  public void feedCache(String feed, boolean hit) {
    Counter.builder("parcours.feed.cache").description("Calendar feed requests served from the cache or built")
        .tag("feed", feed).tag("result", hit ? "hit" : "miss").register(registry).increment();
  }
}
