import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A national opening day (bench/national.sh): {@code fairs} generated fairs the size of a
 * 3,000-pupil edition (bench/BenchFairs) on one database, registration opening for all of them
 * in the same minute, their teachers booking at once through every instance (bench/Teachers, the
 * sending loop BookingRush and FaultSuite use: a tenth double-click). Meanwhile the database is
 * sampled (lock waits, active sessions, wait events) and PostgreSQL's CPU read from /proc. Then
 * every fair's invariants.
 *
 * Usage: National DB_URL SERVERS FAIRS TEACHERS_PER_FAIR CONCURRENCY OUT.md
 */
public final class National {

  private static final double RETRY_SHARE = 0.1;

  public static void main(String[] args) throws Exception {
    String dbUrl = args[0];
    List<String> servers = List.of(args[1].split(","));
    int fairCount = Integer.parseInt(args[2]);
    int perFair = Integer.parseInt(args[3]);
    int concurrency = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(PgConnectOptions.fromUri(dbUrl))
        .using(vertx).build();
    BenchFairs generator = new BenchFairs(db);
    long organiser = BenchFairs.await(db.query("INSERT INTO organisers (email, name, password_hash) VALUES "
        + "('national@parcours.local', 'Bench', 'x') ON CONFLICT (lower(email)) DO UPDATE SET name = 'Bench' RETURNING id")
        .execute()).iterator().next().getLong(0);

    System.out.println("generating " + fairCount + " fairs");
    List<BenchFairs.BenchFair> fairs = new ArrayList<>();
    for (int f = 0; f < fairCount; f++) {
      fairs.add(generator.generate(organiser, "national-" + f));
    }
    // Every fair opens in the same minute: now, for all of them.
    generator.exec("UPDATE fairs SET registration_opens_at = now() WHERE slug = ANY($1)",
        Tuple.of(fairs.stream().map(BenchFairs.BenchFair::slug).toArray(String[]::new)));

    // Each fair's teachers in their own order, the fairs interleaved: the whole country at once.
    Random random = new Random(42);
    List<Teachers.Teacher> drawn = new ArrayList<>();
    List<String> slugOf = new ArrayList<>();
    for (int i = 0; i < perFair; i++) {
      for (BenchFairs.BenchFair fair : fairs) {
        int index = drawn.size();
        drawn.add(new Teachers.Teacher(index, fair.slug() + "-" + i, BenchFairs.booking(random, fair, i, false),
            random.nextDouble() < RETRY_SHARE));
        slugOf.add(fair.slug());
      }
    }
    Teachers teachers = new Teachers(vertx, servers, Math.max(16, concurrency / servers.size() + 4));
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Sampler sampler = new Sampler(vertx, db);
    double cpuBefore = postgresCpuSeconds();
    long began = System.nanoTime();
    sampler.start();
    System.out.println("rush: " + drawn.size() + " teachers, " + concurrency + " at once, " + servers.size() + " instances");
    teachers.rush(concurrency, i -> i < drawn.size() ? drawn.get(i) : null, teacher -> Teachers.onceOrTwice(teacher,
            t -> timed(latencies, teachers.post(slugOf.get(t.index()), t)))
        .andThen(done -> count(outcomes, done.result(), done.cause())))
        .await(3600, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - began) / 1e9;
    sampler.stop();
    double cpu = postgresCpuSeconds() - cpuBefore;

    Map<String, Long> violations = new TreeMap<>();
    for (BenchFairs.BenchFair fair : fairs) {
      generator.invariants(fair.id()).forEach((name, count) -> violations.merge(name, count, Long::sum));
    }
    long confirmed = generator.value("SELECT count(*) FROM bookings b JOIN fairs f ON f.id = b.fair_id "
        + "WHERE f.slug LIKE 'bench-national-%' AND b.status = 'confirmed'", Tuple.tuple());
    long waitlisted = generator.value("SELECT count(*) FROM bookings b JOIN fairs f ON f.id = b.fair_id "
        + "WHERE f.slug LIKE 'bench-national-%' AND b.status = 'waitlisted'", Tuple.tuple());
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long errors = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().equals("transport"))
        .mapToLong(e -> e.getValue().get()).sum();

    StringBuilder md = new StringBuilder();
    md.append("| fairs | instances | teachers | at once | wall s | bookings/s | p50 ms | p95 ms | p99 ms | confirmed | waitlisted | errors | invariant violations |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    md.append(String.format("| %d | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %d | %d | %d | %d |%n", fairCount,
        servers.size(), drawn.size(), concurrency, seconds, (confirmed + waitlisted) / seconds, pct(sorted, 50) / 1e6,
        pct(sorted, 95) / 1e6, pct(sorted, 99) / 1e6, confirmed, waitlisted, errors,
        violations.values().stream().mapToLong(Long::longValue).sum()));
    md.append("\nOutcomes: ").append(new TreeMap<>(outcomes)).append("\n\nInvariants (sum over the fairs): ")
        .append(violations).append("\n\n");
    md.append(String.format("PostgreSQL: %.1f CPU seconds over %.1f s (%.2f cores busy on average), "
        + "%.0f commits/s.%n%n", cpu, seconds, cpu / seconds, sampler.commits() / seconds));
    md.append(sampler.table());
    Files.writeString(out, md.toString());
    System.out.print(md);
    vertx.close().await();
  }

  private static Future<HttpResponse<Buffer>> timed(List<Long> latencies, Future<HttpResponse<Buffer>> request) {
    long start = System.nanoTime();
    return request.andThen(done -> latencies.add(System.nanoTime() - start));
  }

  private static void count(Map<String, AtomicInteger> outcomes, HttpResponse<Buffer> response, Throwable failure) {
    String outcome;
    if (failure != null) {
      outcome = "transport";
    } else if (response.statusCode() == 201) {
      outcome = "true".equals(response.getHeader("Idempotent-Replayed")) ? "replayed"
          : response.bodyAsJsonObject().getString("status");
    } else {
      JsonObject error = response.bodyAsJsonObject();
      outcome = response.statusCode() + " " + (error == null ? "" : error.getString("code"));
    }
    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
  }

  /** utime + stime of every process named postgres, in seconds (clock ticks of 100 Hz). */
  private static double postgresCpuSeconds() throws Exception {
    double ticks = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(proc.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.equals("postgres")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (Exception gone) {
          // A process that ended while read.
        }
      }
    }
    return ticks / 100.0;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Samples the database every 250 ms during the rush: who waits on what. */
  private static final class Sampler {
    private final Vertx vertx;
    private final Pool db;
    private final List<Row> samples = Collections.synchronizedList(new ArrayList<>());
    private long timer;
    private long commitsBefore;
    private long commitsAfter;

    Sampler(Vertx vertx, Pool db) {
      this.vertx = vertx;
      this.db = db;
    }

    void start() {
      commitsBefore = commits0();
      timer = vertx.setPeriodic(250, tick -> db.query("SELECT "
              + "(SELECT count(*) FROM pg_locks WHERE NOT granted) AS lock_waits, "
              + "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active') AS active, "
              + "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock') AS on_locks, "
              + "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'IO') AS on_io, "
              + "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'LWLock') AS on_lwlocks, "
              + "(SELECT string_agg(DISTINCT l.locktype, ',') FROM pg_locks l WHERE NOT l.granted) AS kinds")
          .execute().onSuccess(rows -> samples.add(rows.iterator().next())));
    }

    void stop() {
      vertx.cancelTimer(timer);
      commitsAfter = commits0();
    }

    long commits() {
      return commitsAfter - commitsBefore;
    }

    private long commits0() {
      return BenchFairs.<Long>await(db.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
          .execute().map(rows -> rows.iterator().next().getLong(0)));
    }

    String table() {
      List<Row> copy;
      synchronized (samples) {
        copy = new ArrayList<>(samples);
      }
      Map<String, String> kinds = new LinkedHashMap<>();
      copy.forEach(row -> {
        String k = row.getString("kinds");
        if (k != null) {
          for (String kind : k.split(",")) {
            kinds.merge(kind, "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
          }
        }
      });
      StringBuilder md = new StringBuilder(String.format("Database sampled %d times (every 250 ms):%n%n", copy.size()));
      md.append("| during the rush | mean | max |\n|---|---|---|\n");
      for (String column : List.of("lock_waits", "active", "on_locks", "on_io", "on_lwlocks")) {
        double mean = copy.stream().mapToLong(row -> row.getLong(column)).average().orElse(0);
        long max = copy.stream().mapToLong(row -> row.getLong(column)).max().orElse(0);
        md.append(String.format("| %s | %.1f | %d |%n", column, mean, max));
      }
      md.append("\nLock kinds waited on (samples): ").append(kinds.isEmpty() ? "none"
          : kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
          .append("\n");
      return md.toString();
    }
  }
}
