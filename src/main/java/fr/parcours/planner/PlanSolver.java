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
import java.util.function.Consumer;

/**
 * Timefold set up for a day: the solver's configuration, one {@link SolverManager} per
 * instance whose own threads do all the solving (never an event loop), one plan at a time
 * (the others wait their turn), starting from {@link GreedyPlacement}, each stopping at its time limit or when told.
 */
public final class PlanSolver implements AutoCloseable {

  private final SolverFactory<DayPlan> factory;
  private final SolverManager<DayPlan, Long> manager;
  private final SolutionManager<DayPlan, HardMediumSoftLongScore> solutions;

  public PlanSolver() {
    this.factory = SolverFactory.create(config(Duration.ofSeconds(PlanRequest.DEFAULT_SECONDS)));
    this.manager = SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1"));
    this.solutions = SolutionManager.create(factory);
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
    manager.solveBuilder().withProblemId(id).withProblem(GreedyPlacement.place(problem))
        .withConfigOverride(new SolverConfigOverride<DayPlan>()
            .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds))))
        .withBestSolutionConsumer(best).withFinalBestSolutionConsumer(done)
        .withExceptionHandler((problemId, error) -> failed.accept(error))
        .run();
  }

  void stop(long id) {
    manager.terminateEarly(id);
  }

  ScoreExplanation<DayPlan, HardMediumSoftLongScore> explain(DayPlan plan) {
    return solutions.explain(plan);
  }

  @Override
  public void close() {
    manager.close();
  }
}
