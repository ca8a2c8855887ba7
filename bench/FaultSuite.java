import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The fault suite (bench/faults.sh runs it): three server instances on one durable PostgreSQL,
 * a steady booking rush whose teachers retry with the same key until answered, and in turn an
 * instance killed (-9), an instance frozen for 30 s (SIGSTOP/SIGCONT), PostgreSQL restarted,
 * and a fair's track rows locked from outside. After each fault, the invariants are read from
 * the database and the mail directories; the longest time no booking was acknowledged is the
 * time bookings stopped.
 *
 * Usage: java -cp ... FaultSuite --db URL --jar target/parcours.jar --work DIR --pg-data DIR
 *        [--seconds 40] [--concurrency 12]
 */
public final class FaultSuite {

  private static final int INSTANCES = 3;
  private static final int FAULT_AT_SECONDS = 8;
  private static final int PATIENCE_SECONDS = 120;

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, String> args;
  private final Pool db;
  private final BenchFairs fairs;
  private final Teachers teachers;
  private final WebClient health;
  private final List<Process> servers = new ArrayList<>(Collections.nCopies(INSTANCES, null));
  private final List<Map<String, Object>> results = new ArrayList<>();
  private final String loadAtStart = load();
  private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  private long organiser;

  private FaultSuite(Map<String, String> args) {
    this.args = args;
    this.db = PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(args.get("--db"))).using(vertx).build();
    this.fairs = new BenchFairs(db);
    this.teachers = new Teachers(vertx, IntStream.range(0, INSTANCES).mapToObj(i -> "127.0.0.1:" + port(i)).toList(), 200);
    this.health = WebClient.create(vertx);
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i], argv[i + 1]);
    }
    FaultSuite suite = new FaultSuite(args);
    try {
      suite.run();
    } finally {
      suite.servers.forEach(p -> { if (p != null) p.destroy(); });
      suite.vertx.close().await();
    }
  }

  private void run() throws Exception {
    for (int i = 0; i < INSTANCES; i++) {
      start(i);
    }
    organiser = fairs.value("INSERT INTO organisers (email, name, password_hash) VALUES ('faults@parcours.local', "
        + "'Faults', 'x') ON CONFLICT (lower(email)) DO UPDATE SET name = 'Faults' RETURNING id", Tuple.tuple());
    scenario("instance killed (-9)", () -> {
      servers.get(0).destroyForcibly().waitFor();
      sleep(10);
      start(0);
    });
    scenario("instance frozen 30 s (SIGSTOP)", () -> {
      signal(servers.get(1), "STOP");
      sleep(30);
      signal(servers.get(1), "CONT");
    });
    scenario("PostgreSQL restarted", this::restartPostgres);
    scenario("track rows locked from outside 15 s", () -> lockTracksFromOutside(15));
  }

  // ---------------------------------------------------------------- instances

  private static int port(int instance) {
    return 18180 + instance;
  }

  private void start(int instance) throws Exception {
    Path work = Path.of(args.get("--work"));
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", args.get("--jar"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server-" + instance + ".log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("PARCOURS_DB_URL", args.get("--db"));
    env.put("PARCOURS_HTTP_HOST", "127.0.0.1");
    env.put("PARCOURS_HTTP_PORT", String.valueOf(port(instance)));
    env.put("PARCOURS_HTTP_PUBLIC_URL", "http://parcours.faults.local");
    env.put("PARCOURS_DATA_DIR", work.resolve("data-" + instance).toString());
    env.put("PARCOURS_DB_POOL_SIZE", "8");
    // Every booking of the rush comes from this machine: the per-address and per-email limits would refuse most.
    env.put("PARCOURS_LIMITS_BOOKINGS_PER_ADDRESS", "1000000");
    env.put("PARCOURS_LIMITS_BOOKINGS_PER_EMAIL", "1000000");
    // Above the 30 s freeze (a frozen sender keeps its claims), short enough to see a killed one's re-sent.
    env.put("PARCOURS_MAIL_CLAIM_LEASE_SECONDS", "40");
    servers.set(instance, builder.start());
    awaitHealthy(instance);
  }

  /** Up to two minutes: on 2 shared cores an instance takes 20 s or more to start. */
  private void awaitHealthy(int instance) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (health(instance) == 200) {
        return;
      }
      sleep(0.25);
    }
    throw new IllegalStateException("instance " + instance + " is not healthy; see " + args.get("--work"));
  }

  /** After a fault: an instance that died is started again, the others are waited for. */
  private void allUp() throws Exception {
    for (int i = 0; i < INSTANCES; i++) {
      if (servers.get(i).isAlive()) {
        awaitHealthy(i);
      } else {
        start(i);
      }
    }
  }

  private int health(int instance) {
    try {
      return health.get(port(instance), "127.0.0.1", "/health").timeout(5000).send()
          .await(6, TimeUnit.SECONDS).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  private static void signal(Process process, String signal) throws Exception {
    exec("kill", "-" + signal, String.valueOf(process.pid()));
  }

  private static void exec(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  /**
   * Restarts PostgreSQL in place as an operator's fast restart does: SIGINT to the postmaster
   * (sessions ended, a checkpoint), then the same command line again. Not pg_ctl: it refuses to
   * run as root, and so does PostgreSQL: as root the postmaster starts again inside a user
   * namespace (`unshare -U`, where it is "nobody").
   */
  private void restartPostgres() throws Exception {
    Path data = Path.of(args.get("--pg-data"));
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle running = ProcessHandle.of(postmaster).orElseThrow();
    List<String> command = new ArrayList<>();
    if (System.getProperty("user.name").equals("root")) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(new String(Files.readAllBytes(Path.of("/proc/" + postmaster + "/cmdline"))).split("\0")));
    exec("kill", "-INT", String.valueOf(postmaster));
    running.onExit().get(60, TimeUnit.SECONDS);
    new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(args.get("--work")).resolve("postgres.log").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        fairs.value("SELECT 1", Tuple.tuple());
        return;
      } catch (Exception notYet) {
        sleep(0.2);
      }
    }
    throw new IllegalStateException("PostgreSQL did not come back");
  }

  /** Locks every track row of the suite's fairs from a connection of its own, as a DBA's psql would. */
  private void lockTracksFromOutside(int seconds) throws Exception {
    PgConnection outside = PgConnection.connect(vertx, PgConnectOptions.fromUri(args.get("--db"))).await();
    Transaction tx = outside.begin().await();
    outside.query("SELECT id FROM tracks FOR UPDATE").execute().await();
    sleep(seconds);
    tx.rollback().await();
    outside.close().await();
  }

  // ---------------------------------------------------------------- a scenario

  interface Fault {
    void inject() throws Exception;
  }

  /**
   * A fresh fair, a steady rush of teachers {@code --concurrency} at once for {@code --seconds},
   * the fault injected after a few seconds; then every instance up again, the teachers' retries
   * done, and the invariants read.
   */
  private void scenario(String name, Fault fault) throws Exception {
    System.out.println("== " + name);
    BenchFairs.BenchFair fair = fairs.generate(organiser, "faults-" + name.replaceAll("[^a-z0-9]+", "-"));
    long outboxBefore = fairs.value("SELECT coalesce(max(id), 0) FROM outbox", Tuple.tuple());
    int seconds = Integer.parseInt(args.getOrDefault("--seconds", "40"));
    Rush rush = new Rush(fair, seconds);
    Future<Void> done = teachers.rush(Integer.parseInt(args.getOrDefault("--concurrency", "12")), rush::teacher,
        rush::book);
    sleep(FAULT_AT_SECONDS);
    long faultStart = System.nanoTime();
    fault.inject();
    double faultSeconds = (System.nanoTime() - faultStart) / 1e9;
    done.await(seconds + PATIENCE_SECONDS + 60, TimeUnit.SECONDS);
    allUp();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fault", name);
    row.put("fault_seconds", round(faultSeconds));
    row.put("acknowledged", rush.acknowledged.size());
    row.put("retries", rush.retries.get());
    row.put("gave_up", rush.gaveUp.get());
    row.put("longest_stop_s", round(rush.longestGapSeconds(faultStart)));
    row.put("answers", new TreeMap<>(rush.answers).toString().replace(",", ";"));
    row.put("bookings", fairs.value("SELECT count(*) FROM bookings WHERE fair_id = $1", Tuple.of(fair.id())));
    row.putAll(fairs.invariants(fair.id()));
    long stored = fairs.value("SELECT count(*) FROM bookings WHERE fair_id = $1 AND id = ANY($2)",
        Tuple.of(fair.id()).addArrayOfLong(rush.acknowledged.values().toArray(Long[]::new)));
    row.put("acknowledged_not_stored", rush.acknowledged.size() - stored);
    row.putAll(messages(outboxBefore));
    row.put("partial_files", mailFiles(".part").size());
    results.add(row);
    System.out.println(row);
    write();
  }

  /**
   * Teachers booking one after the other, each retrying its request with the same key until
   * answered; every answer counted by status (and code), every first 201 of a key timed.
   */
  private final class Rush {
    final BenchFairs.BenchFair fair;
    final long until;
    final Random random = new Random(42);
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final List<Long> ackTimes = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();

    Rush(BenchFairs.BenchFair fair, int seconds) {
      this.fair = fair;
      this.until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Teacher {@code i} while the rush lasts; a tenth send twice at once (a double click). */
    Teachers.Teacher teacher(int i) {
      if (System.nanoTime() > until) {
        return null;
      }
      return new Teachers.Teacher(i, fair.slug() + "-" + i, BenchFairs.booking(random, fair, i, false), i % 10 == 0);
    }

    Future<?> book(Teachers.Teacher teacher) {
      return Teachers.onceOrTwice(teacher, t -> teachers.postUntilAnswered(fair.slug(), t, PATIENCE_SECONDS,
          failed -> retries.incrementAndGet()).andThen(done -> answered(t, done.result())));
    }

    private void answered(Teachers.Teacher teacher, HttpResponse<Buffer> response) {
      if (response == null) {
        gaveUp.incrementAndGet();
        return;
      }
      String code = response.statusCode() == 201 ? "" : " " + response.bodyAsJsonObject().getString("code");
      answers.computeIfAbsent(response.statusCode() + code, k -> new AtomicInteger()).incrementAndGet();
      if (response.statusCode() == 201
          && acknowledged.putIfAbsent(teacher.key(), response.bodyAsJsonObject().getLong("id", -1L)) == null) {
        ackTimes.add(System.nanoTime());
      }
    }

    /** The longest stretch, from the fault on, during which no booking was acknowledged. */
    double longestGapSeconds(long faultStart) {
      List<Long> times = new ArrayList<>(ackTimes);
      Collections.sort(times);
      long previous = faultStart;
      long longest = 0;
      for (long t : times) {
        if (t >= faultStart) {
          longest = Math.max(longest, t - previous);
          previous = t;
        }
      }
      return longest / 1e9;
    }
  }

  // ---------------------------------------------------------------- checks

  /**
   * Every message of the scenario delivered, and how often: rows still unsent after the
   * claim lease (a killed sender's), files per message across the instances' mail directories.
   */
  private Map<String, Object> messages(long outboxBefore) throws Exception {
    Tuple after = Tuple.of(outboxBefore);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    long unsent;
    while ((unsent = fairs.<Long>value("SELECT count(*) FROM outbox WHERE id > $1 AND sent_at IS NULL", after)) > 0
        && System.nanoTime() < deadline) {
      sleep(1);
    }
    Set<Long> ids = new TreeSet<>();
    int files = 0;
    for (Path file : mailFiles(".eml")) {
      long messageId = Long.parseLong(file.getFileName().toString().substring(0, 8));
      if (messageId > outboxBefore) {
        ids.add(messageId);
        files++;
      }
    }
    long messages = fairs.value("SELECT count(*) FROM outbox WHERE id > $1", after);
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("messages", messages);
    found.put("messages_unsent", unsent);
    found.put("messages_without_file", messages - ids.size());
    found.put("messages_repeated_files", files - ids.size());
    found.put("messages_repeats_recorded", fairs.value("SELECT coalesce(sum(repeats), 0) FROM outbox WHERE id > $1",
        after));
    return found;
  }

  /** The files the instances wrote to their mail directories whose name ends with {@code suffix}. */
  private List<Path> mailFiles(String suffix) throws IOException {
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      Path dir = Path.of(args.get("--work")).resolve("data-" + i).resolve("mail");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(f -> f.toString().endsWith(suffix)).forEach(all::add);
        }
      }
    }
    return all;
  }

  // ---------------------------------------------------------------- output

  /** Rewritten after each fault, so that a suite cut short keeps the faults it went through. */
  private void write() throws IOException {
    Path dir = Files.createDirectories(Path.of("bench/results"));
    List<String> columns = new ArrayList<>(results.get(0).keySet());
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    StringBuilder md = new StringBuilder("# Fault suite " + stamp + "\n\n")
        .append(INSTANCES).append(" instances (pool 8 each) on one durable PostgreSQL, ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
        .append(", command `").append(args.getOrDefault("--command", "bench/faults.sh")).append("`; load average ")
        .append(loadAtStart).append(" at the start, ").append(load()).append(" at the end.\n\n")
        .append("Each fault on a fresh fair (4 tracks, about 120 classes of room), teachers booking one after the other ")
        .append("and retrying with the same key until answered (a tenth send twice at once). Must be 0: every column from ")
        .append("`over_capacity` to `acknowledged_not_stored`, `messages_unsent`, `messages_without_file`, `partial_files`; ")
        .append("`messages_repeated_files` must equal `messages_repeats_recorded` (a repeat is recorded in its row). ")
        .append("`longest_stop_s`: the longest time, from the fault on, during which no booking was acknowledged; ")
        .append("`answers`: the final answer of each request by status and code.\n\n")
        .append("| ").append(String.join(" | ", columns)).append(" |\n|")
        .append(" --- |".repeat(columns.size())).append('\n');
    for (Map<String, Object> row : results) {
      csv.append(String.join(",", row.values().stream().map(String::valueOf).toList())).append('\n');
      md.append("| ").append(String.join(" | ", row.values().stream().map(String::valueOf).toList())).append(" |\n");
    }
    Files.writeString(dir.resolve("faults-" + stamp + ".csv"), csv);
    Files.writeString(dir.resolve("faults-" + stamp + ".md"), md);
    System.out.println(md);
  }

  /** The machine's load average (1, 5, 15 minutes): the suite shares its cores with whatever else runs. */
  private static String load() {
    try {
      return String.join(" / ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static void sleep(double seconds) {
    try {
      Thread.sleep((long) (seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
