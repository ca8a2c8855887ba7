package fr.parcours.planner;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One plan being solved on this instance. The solver's threads only hand over solutions; once a
 * second a timer stores the best so far (its report built on a worker thread, never on the
 * event loop) with the instance's heartbeat, and reads whether a stop was asked on any
 * instance. When the solver ends, the final best is stored with its status.
 */
final class PlanRun {

  private static final Logger LOG = LoggerFactory.getLogger(PlanRun.class);
  static final long TICK_MS = 1000;

  private final Vertx vertx;
  private final Pool pool;
  private final PlanSolver solver;
  private final PlanRepository repository;
  private final long id;
  private final PlanProblem problem;
  private final ZoneId zone;
  private final AtomicReference<DayPlan> latest = new AtomicReference<>();
  private final AtomicReference<DayPlan> last = new AtomicReference<>();
  private volatile boolean finished;
  private volatile Throwable error;
  private boolean stopAsked;
  private boolean busy;
  private long timer;

  PlanRun(Vertx vertx, Pool pool, PlanSolver solver, PlanRepository repository, long id, PlanProblem problem,
          ZoneId zone) {
    this.vertx = vertx;
    this.pool = pool;
    this.solver = solver;
    this.repository = repository;
    this.id = id;
    this.problem = problem;
    this.zone = zone;
  }

  void start(int seconds) {
    timer = vertx.setPeriodic(TICK_MS, tick -> tick());
    solver.solve(id, problem.plan(), seconds, this::better, best -> {
      better(best);
      finished = true;
    }, failure -> {
      error = failure;
      finished = true;
    });
  }

  private void better(DayPlan best) {
    latest.set(best);
    last.set(best);
  }

  /** One at a time: a slow database or report only delays the next tick. */
  private void tick() {
    if (busy) {
      return;
    }
    busy = true;
    boolean ending = finished;
    DayPlan best = ending ? last.get() : latest.getAndSet(null);
    Future<JsonObject> report = best == null ? Future.succeededFuture(null)
        : vertx.executeBlocking(() -> PlanReport.of(problem, best, solver.explain(best), zone), false);
    Future<?> stored = ending ? report.compose(json -> end(json)) : report.compose(json -> progress(json));
    stored.onComplete(done -> {
      busy = false;
      if (done.failed()) {
        LOG.warn("Plan {}: could not store its progress", id, done.cause());
      }
    });
  }

  private Future<Void> progress(JsonObject report) {
    return repository.progress(pool, id, report).map(stop -> {
      if (stop && !stopAsked) {
        stopAsked = true;
        solver.stop(id);
      }
      return null;
    });
  }

  private Future<Void> end(JsonObject report) {
    vertx.cancelTimer(timer);
    String status = error != null ? "failed" : stopAsked ? "stopped" : "done";
    if (error != null) {
      LOG.error("Plan {} failed", id, error);
    }
    return repository.finish(pool, id, status, report, error == null ? null : String.valueOf(error.getMessage()));
  }
}
