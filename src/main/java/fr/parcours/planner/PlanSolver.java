package fr.parcours.planner;

import ai.timefold.solver.core.api.score.ScoreExplanation;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Timefold set up for a day: the solver's configuration, one {@link SolverManager} per
 * instance whose own threads do all the solving (never an event loop), one plan at a time
 * (the others wait their turn), starting from {@link GreedyPlacement}, each stopping at its time limit or when told.
 */
public final class PlanSolver implements AutoCloseable {

  /**
   * Built on first use or by {@link #warm}, not at construction: Timefold's classes and its
   * constraint streams take a good part of a second to load, which a start should not wait for.
   */
  private final CompletableFuture<Parts> parts = new CompletableFuture<>();
  private final AtomicBoolean building = new AtomicBoolean();

  private record Parts(SolverManager<DayPlan, Long> manager, SolutionManager<DayPlan, HardMediumSoftLongScore> solutions) {
  }

  /** Builds the solver on a thread of its own, so that the first plan does not pay for it. */
  public void warm() {
    if (!building.get()) {
      Thread builder = new Thread(this::parts, "plan-solver-warm-up");
      builder.setDaemon(true);
      builder.start();
    }
  }

  private Parts parts() {
    if (building.compareAndSet(false, true)) {
      try {
        SolverFactory<DayPlan> factory = SolverFactory.create(config(Duration.ofSeconds(PlanRequest.DEFAULT_SECONDS)));
        parts.complete(new Parts(SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1")),
            SolutionManager.create(factory)));
      } catch (RuntimeException | Error e) {
        parts.completeExceptionally(e);
      }
    }
    return parts.join();
  }

  static SolverConfig config(Duration limit) {
    return new SolverConfig().withSolutionClass(DayPlan.class).withEntityClasses(PlannedSession.class)
        .withConstraintProviderClass(PlanConstraints.class)
        .withTerminationConfig(new TerminationConfig().withSpentLimit(limit))
        // GreedyPlacement builds the first programme: Timefold's construction heuristic would try
        // every room at every slot for every possible session, too slow for a fair of this size.
        .withPhases(new LocalSearchPhaseConfig());
  }

  /** Solves on the caller's thread for {@code limit}, from the greedy programme (the bench and the tests). */
  public static DayPlan solveNow(DayPlan problem, Duration limit) {
    Solver<DayPlan> solver = SolverFactory.<DayPlan>create(config(limit)).buildSolver();
    return solver.solve(GreedyPlacement.place(problem));
  }

  /** Starts solving; {@code best} hears each better solution, {@code done} the final one, {@code failed} an error. */
  void solve(long id, DayPlan problem, int seconds, Consumer<DayPlan> best, Consumer<DayPlan> done,
             Consumer<Throwable> failed) {
    parts().manager().solveBuilder().withProblemId(id).withProblem(GreedyPlacement.place(problem))
        .withConfigOverride(new SolverConfigOverride<DayPlan>()
            .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds))))
        .withBestSolutionConsumer(best).withFinalBestSolutionConsumer(done)
        .withExceptionHandler((problemId, error) -> failed.accept(error))
        .run();
  }

  void stop(long id) {
    parts().manager().terminateEarly(id);
  }

  ScoreExplanation<DayPlan, HardMediumSoftLongScore> explain(DayPlan plan) {
    return parts().solutions().explain(plan);
  }

  @Override
  public void close() {
    // Never waits for a build still under way (a stop runs on an event loop): closes it once built.
    parts.thenAccept(built -> built.manager().close());
  }
}
