package fr.parcours.metrics;

import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** {@code GET /metrics}: everything measured, in Prometheus text format; absent when metrics are off. */
public final class MetricsRoutes {

  private final AppMetrics metrics;

  public MetricsRoutes(AppMetrics metrics) {
    this.metrics = metrics;
  }

  public void mount(Router router) {
    metrics.prometheus().ifPresent(registry -> router.get("/metrics").handler(PrometheusScrapingHandler.create(registry)));
  }
}
