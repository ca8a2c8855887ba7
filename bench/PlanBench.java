package fr.parcours.planner;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import fr.parcours.Application;
import fr.parcours.Services;
import fr.parcours.auth.Organiser;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.config.AppConfig;
import fr.parcours.config.Settings;
import fr.parcours.demo.DemoFair;
import fr.parcours.fair.Fair;
import fr.parcours.planner.PlanRepository.Snapshot;
import fr.parcours.planner.PlanRepository.TrackRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The planner's benchmark: the demo fair, and a fair {@code --times} its size (every venue, track,
 * room, association and activity repeated), each with its programme emptied and planned again
 * from its activities for a demand of the hand-made programme's capacity per track. For each
 * size: the hand-made programme's capacity in classes, the greedy first programme's, and the
 * solver's, with its score and how long it took to become feasible and to meet the demand.
 * Runs the real server code on an embedded PostgreSQL (the programme read from the database as a
 * plan request reads it), the solver on this thread with the server's configuration.
 *
 * Usage: bench/plan.sh [--seconds 30] [--large-seconds 120] [--times 3] (--times 1: the demo only)
 */
public final class PlanBench {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Services services;
  private final PlanRepository repository = new PlanRepository();

  private PlanBench(Services services) {
    this.services = services;
  }

  public static void main(String[] args) throws Exception {
    int seconds = option(args, "--seconds", 30);
    int largeSeconds = option(args, "--large-seconds", 120);
    int times = option(args, "--times", 3);
    Path data = Files.createTempDirectory("parcours-plan-bench");
    AppConfig config = AppConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
        // The machine is shared: a slow start must not fail on the pool's usual 3 s wait.
        .put("db", new JsonObject().put("acquire_timeout_ms", 60_000))
        .put("data", new JsonObject().put("dir", data.toString())));
    Application app;
    try {
      app = await(Application.start(config, true));
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
      return;
    }
    double loadBefore = load();
    List<Result> results = new ArrayList<>();
    try {
      PlanBench bench = new PlanBench(app.services());
      Fair demo = await(app.services().fairs().findBySlug(DemoFair.SLUG));
      results.add(bench.measure("demo (1×)", demo, seconds, 30));
      if (times > 1) {
        Fair large = bench.loadScaled(config, times);
        results.add(bench.measure("demo ×" + times, large, largeSeconds, 120));
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    } finally {
      await(app.stop());
    }
    String report = report(results, seconds, largeSeconds, times, loadBefore, load());
    System.out.print(report);
    Path out = Path.of("bench/results/plan-" + LocalDateTime.now().format(STAMP) + ".md");
    Files.writeString(out, report);
    System.out.println("Written to " + out);
    System.exit(0);
  }

  /** One size's figures: per track, the classes of each programme; the solver's score and times. */
  record Result(String name, int tracks, int activities, int rooms, int slots, int possible, int limitSeconds,
                int goalSeconds, Map<String, Integer> handMade, Map<String, Integer> greedy,
                HardMediumSoftLongScore greedyScore, Map<String, Integer> planned, HardMediumSoftLongScore score,
                Double feasibleAfter, Double demandMetAfter, double lastImprovedAfter, double totalSeconds,
                double cpuSeconds, long moves, int sessions, int greedySessions, int handMadeSessions) {

    boolean met() {
      // The limit's last stop can come a fraction of a second late: the goal is the plan good enough in time.
      return score.hardScore() == 0 && handMade.keySet().stream().allMatch(t -> planned.get(t) >= handMade.get(t))
          && demandMetAfter != null && demandMetAfter <= goalSeconds;
    }
  }

  private Result measure(String name, Fair fair, int seconds, int goalSeconds) throws Exception {
    Snapshot handMade = snapshot(fair);
    PlanRequest demandAll = request(handMade, null, seconds);
    PlanProblem today = PlanProblem.build(fair, handMade, demandAll);
    Map<String, Integer> before = classes(report(today, today.plan(), fair), "classes_before");
    int handMadeSessions = today.today().size();

    await(services.pool().preparedQuery("UPDATE sessions SET status = 'cancelled' WHERE fair_id = $1 "
        + "AND kind <> 'stand_time'").execute(Tuple.of(fair.id())));
    Snapshot empty = snapshot(fair);
    PlanRequest request = request(empty, before, seconds);

    PlanProblem greedyProblem = PlanProblem.build(fair, empty, request);
    DayPlan greedy = GreedyPlacement.place(greedyProblem.plan());
    JsonObject greedyReport = report(greedyProblem, greedy, fair);

    long started = System.nanoTime();
    long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    PlanProblem problem = PlanProblem.build(fair, empty, request);
    DayPlan start = GreedyPlacement.place(problem.plan());
    Solver<DayPlan> solver = SolverFactory.<DayPlan>create(PlanSolver.config(Duration.ofSeconds(seconds)))
        .buildSolver();
    // The limit holds for the whole plan: building the problem, the greedy programme and the solver count.
    ScheduledExecutorService deadline = Executors.newSingleThreadScheduledExecutor();
    deadline.schedule(solver::terminateEarly, seconds * 1_000_000_000L - (System.nanoTime() - started),
        TimeUnit.NANOSECONDS);
    double[] feasible = {-1};
    double[] demandMet = {-1};
    double[] improved = {0};
    solver.addEventListener(event -> {
      double at = (System.nanoTime() - started) / 1e9;
      HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
      improved[0] = at;
      if (score.hardScore() == 0 && feasible[0] < 0) {
        feasible[0] = at;
      }
      if (score.hardScore() == 0 && score.mediumScore() == 0 && demandMet[0] < 0) {
        demandMet[0] = at;
      }
    });
    HardMediumSoftLongScore startScore = solutions().update(start);
    double greedyDone = (System.nanoTime() - started) / 1e9;
    if (startScore.hardScore() == 0) {
      feasible[0] = greedyDone;
      demandMet[0] = startScore.mediumScore() == 0 ? greedyDone : -1;
    }
    DayPlan best = solver.solve(start);
    double total = (System.nanoTime() - started) / 1e9;
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    deadline.shutdownNow();
    long moves = ((DefaultSolver<DayPlan>) solver).getMoveEvaluationCount();
    JsonObject planned = report(problem, best, fair);
    int sessions = placedCount(best);
    return new Result(name, empty.tracks().size(), (int) problem.plan().sessions().stream()
        .map(s -> s.activity().key()).distinct().count(), empty.rooms().size(), empty.slots().size(),
        problem.plan().sessions().size(), seconds, goalSeconds, before, classes(greedyReport, "classes_after"),
        greedy.score(), classes(planned, "classes_after"), best.score(), feasible[0] < 0 ? null : feasible[0],
        demandMet[0] < 0 ? null : demandMet[0], improved[0], total, cpu, moves, sessions,
        placedCount(greedy), handMadeSessions);
  }

  private static int placedCount(DayPlan plan) {
    return (int) plan.sessions().stream().filter(PlannedSession::assigned).count();
  }

  /** Every track, its classes expected (null: as many as the rooms allow) in its morning and afternoon. */
  private static PlanRequest request(Snapshot snapshot, Map<String, Integer> classes, int seconds) {
    Map<String, PlanRequest.TrackDemandInput> demand = new LinkedHashMap<>();
    for (TrackRow track : snapshot.tracks()) {
      demand.put(track.slug(), new PlanRequest.TrackDemandInput(classes == null ? null : classes.get(track.slug()),
          List.of(), false));
    }
    return new PlanRequest(demand, seconds, false, false);
  }

  private JsonObject report(PlanProblem problem, DayPlan plan, Fair fair) {
    SolutionManager<DayPlan, HardMediumSoftLongScore> solutions = solutions();
    solutions.update(plan);
    return PlanReport.of(problem, plan, solutions.explain(plan), fair.zone());
  }

  private static SolutionManager<DayPlan, HardMediumSoftLongScore> solutions() {
    return SolutionManager.create(SolverFactory.create(PlanSolver.config(Duration.ofSeconds(1))));
  }

  private static Map<String, Integer> classes(JsonObject report, String field) {
    Map<String, Integer> classes = new LinkedHashMap<>();
    JsonObject capacity = report.getJsonObject("capacity");
    capacity.fieldNames().forEach(track -> classes.put(track, capacity.getJsonObject(track).getInteger(field)));
    return classes;
  }

  private Snapshot snapshot(Fair fair) {
    return await(services.pool().withConnection(conn -> repository.snapshot(conn, fair.id())));
  }

  /** The demo's data with every venue, track, room, association and activity {@code times} times. */
  private Fair loadScaled(AppConfig config, int times) {
    Organiser owner = await(services.auth().findOrganiser(config.get(Settings.DEMO_ORGANISER_EMAIL)));
    DemoFair loader = new DemoFair(services.fairs(), services.resources(),
        new ChallengeService(services.pool(), services.fairs()), services.pool());
    return await(loader.load(owner, Instant.now(), scaled(DemoFair.data(), times)));
  }

  static JsonObject scaled(JsonObject demo, int times) {
    JsonObject data = demo.copy();
    data.getJsonObject("fair").put("slug", DemoFair.SLUG + "-x" + times)
        .put("name", demo.getJsonObject("fair").getString("name") + " ×" + times);
    for (String key : List.of("venues", "tracks", "rooms", "associations", "activities")) {
      JsonArray copies = new JsonArray();
      for (int k = 1; k <= times; k++) {
        for (Object item : demo.getJsonArray(key)) {
          JsonObject copy = ((JsonObject) item).copy();
          for (String ref : List.of("slug", "venue", "track", "room", "association")) {
            if (copy.containsKey(ref)) {
              copy.put(ref, copy.getString(ref) + (k == 1 ? "" : "-" + k));
            }
          }
          // A session's activity is its title's slug: each copy is its own activity.
          for (String label : List.of("name", "title")) {
            if (k > 1 && copy.containsKey(label)) {
              copy.put(label, copy.getString(label) + " " + k);
            }
          }
          if (k > 1 && key.equals("associations")) {
            copy.put("website", copy.getString("website").replace("https://", "https://" + k + "."))
                .put("contact_email", k + "." + copy.getString("contact_email"));
          }
          copies.add(copy);
        }
      }
      data.put(key, copies);
    }
    return data;
  }

  private static String report(List<Result> results, int seconds, int largeSeconds, int times, double loadBefore,
                               double loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append("# Planner bench, ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append("\n\n`bench/plan.sh --seconds ").append(seconds).append(" --large-seconds ").append(largeSeconds)
        .append(" --times ").append(times).append("`\n\n")
        .append(String.format("%d cores, Java %s, Timefold Solver %s; load average %.1f before, %.1f after "
                + "(the machine is shared with other helpers' builds and tests).%n%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            SolverFactory.class.getPackage().getImplementationVersion(), loadBefore, loadAfter))
        .append("Each fair's programme is emptied (every session cancelled) and planned again from its activities, ")
        .append("for a demand of the hand-made programme's capacity in classes per track, half in the morning and ")
        .append("half in the afternoon. Capacity: classes that find a whole route, counted by `ClassCapacity` ")
        .append("as the booking form books them. Times from the start of the plan (problem built from the database's ")
        .append("programme, greedy first programme, the solver built, then solving until the limit, which holds for all of it).\n\n")
        .append("| fair | tracks | activities | rooms | slots | possible sessions | limit | feasible after | demand met after | ")
        .append("last better after | score (hard/demand/preferences) | goal met |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Result r : results) {
      out.append(String.format("| %s | %d | %d | %d | %d | %d | %d s | %s | %s | %.1f s | %s | %s (≤ %d s, hard 0, "
              + "capacity ≥ hand-made) |%n", r.name(), r.tracks(), r.activities(), r.rooms(), r.slots(), r.possible(),
          r.limitSeconds(), seconds(r.feasibleAfter()), seconds(r.demandMetAfter()), r.lastImprovedAfter(),
          r.score(), r.met() ? "yes" : "NO", r.goalSeconds()));
    }
    for (Result r : results) {
      out.append("\n## ").append(r.name()).append(": classes per track\n\n")
          .append("| track | hand-made programme | greedy placement | solver |\n| --- | --- | --- | --- |\n");
      for (String track : r.handMade().keySet()) {
        out.append(String.format("| %s | %d | %d | %d |%n", track, r.handMade().get(track), r.greedy().get(track),
            r.planned().get(track)));
      }
      out.append(String.format("| **all** | %d | %d | %d |%n", sum(r.handMade()), sum(r.greedy()), sum(r.planned())))
          .append(String.format("| sessions | %d | %d | %d |%n", r.handMadeSessions(), r.greedySessions(),
              r.sessions()))
          .append(String.format("%nGreedy score %s; solver score %s after %.1f s, of which the planning thread "
              + "had %.1f s of CPU and evaluated %d moves (%.0f per second of its CPU).%n", r.greedyScore(), r.score(),
              r.totalSeconds(), r.cpuSeconds(), r.moves(), r.moves() / Math.max(r.cpuSeconds(), 0.001)));
    }
    return out.toString();
  }

  private static String seconds(Double at) {
    return at == null ? "never" : String.format("%.1f s", at);
  }

  private static int sum(Map<String, Integer> classes) {
    return classes.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int option(String[] args, String name, int fallback) {
    int at = List.of(args).indexOf(name);
    return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : fallback;
  }
}
