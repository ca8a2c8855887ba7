package fr.parcours.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
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
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The server's own measurements, next to the ones Vert.x takes of HTTP and the pool: what
 * features call (bookings, feed caches) without knowing about Micrometer or Prometheus. When
 * metrics are off every call goes to a registry that keeps nothing. Every series a feature can
 * write is declared at start, at zero, so a dashboard's {@code rate()} works before the first
 * booking or feed request.
 */
public final class AppMetrics {

  /** Bookings slower than this are counted in the last bucket only. */
  private static final Duration[] BOOKING_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;
  private final Map<String, Counter[]> feedCounters = new ConcurrentHashMap<>();

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

  /**
   * A Vert.x with {@code options} that reports HTTP server and pool metrics into this registry (none
   * when off); the HTTP server's requests by route through {@link RouteMetrics}.
   */
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
    MicrometerMetricsFactory vertxMetrics = new MicrometerMetricsFactory(prometheus);
    return Vertx.builder().with(options.setMetricsOptions(metrics))
        .withMetrics(vertxOptions -> new RoutedVertxMetrics(vertxMetrics.metrics(vertxOptions), prometheus,
            metrics.getMetricsNaming()))
        .build();
  }

  /** The registry {@code /metrics} serves; empty when metrics are off. */
  public Optional<PrometheusMeterRegistry> prometheus() {
    return Optional.ofNullable(prometheus);
  }

  /** Declares every outcome a booking request can have (and the timing), each counted from zero. */
  public void bookingOutcomes(Collection<String> outcomes) {
    outcomes.forEach(this::bookings);
    bookingDuration();
  }

  /**
   * One booking request answered: {@code outcome} is confirmed, waitlisted, replayed, or the
   * refusal's stable code (REGISTRATION_CLOSED…).
   */
  public void booking(String outcome, long nanos) {
    bookings(outcome).increment();
    bookingDuration().record(Duration.ofNanos(nanos));
  }

  private Counter bookings(String outcome) {
    return Counter.builder("parcours.bookings").description("Booking requests by outcome")
        .tag("outcome", outcome).register(registry);
  }

  private Timer bookingDuration() {
    return Timer.builder("parcours.booking.duration").description("Time to answer a booking request")
        .serviceLevelObjectives(BOOKING_BUCKETS).register(registry);
  }

  /** Declares the kinds of feed (fair, track…) whose cache hits and misses are counted, from zero. */
  public void feedCaches(Collection<String> feeds) {
    feeds.forEach(feed -> {
      feedCacheCounter(feed, true);
      feedCacheCounter(feed, false);
    });
  }

  /** A feed served from its in-memory cache ({@code hit}) or built again. */
  public void feedCache(String feed, boolean hit) {
    // Registered once per feed kind, not looked up by name and tags on every poll.
    feedCounters.computeIfAbsent(feed, kind -> new Counter[] {feedCacheCounter(kind, false), feedCacheCounter(kind, true)})
        [hit ? 1 : 0].increment();
  }

  private Counter feedCacheCounter(String feed, boolean hit) {
    return Counter.builder("parcours.feed.cache").description("Calendar feed requests served from the cache or built")
        .tag("feed", feed).tag("result", hit ? "hit" : "miss").register(registry);
  }

  /**
   * Reads the hits and misses {@code cache} counts itself (answers prepared once per change:
   * pages, API documents) as {@code parcours_prepared_cache_total}. The registry holds
   * {@code cache} weakly: the caller keeps it.
   */
  public <T> void preparedCache(String name, T cache, ToLongFunction<T> hits, ToLongFunction<T> misses) {
    FunctionCounter.builder("parcours.prepared.cache", cache, c -> hits.applyAsLong(c))
        .description("Requests answered from what was prepared in memory, or prepared again")
        .tag("cache", name).tag("result", "hit").register(registry);
    FunctionCounter.builder("parcours.prepared.cache", cache, c -> misses.applyAsLong(c))
        .description("Requests answered from what was prepared in memory, or prepared again")
        .tag("cache", name).tag("result", "miss").register(registry);
  }
}
