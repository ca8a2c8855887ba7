import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The fault suite (bench/faults.sh runs it): three server instances on one durable PostgreSQL,
 * a steady booking rush whose teachers retry with the same key until answered, and in turn an
 * instance killed (-9), an instance frozen for 30 s (SIGSTOP/SIGCONT), PostgreSQL restarted,
 * and a fair's track rows locked from outside. After each fault, the invariants are read from
 * the database and the mail directories; the longest time no booking was acknowledged is the
 * time bookings stopped.
 *
 * Usage: java -cp ... bench/FaultSuite.java --db URL --jar target/parcours.jar --work DIR
 *        --pg-ctl PATH --pg-data DIR [--seconds 40] [--concurrency 12]
 */
public final class FaultSuite {

  private static final LocalDate DAY = LocalDate.of(2027, 3, 18);
  private static final int INSTANCES = 3;
  private static final int FAULT_AT_SECONDS = 8;

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, String> args;
  private final Pool db;
  private final List<Process> servers = new ArrayList<>(Collections.nCopies(INSTANCES, null));
  private final List<WebClient> clients = new ArrayList<>();
  private final List<Map<String, Object>> results = new ArrayList<>();
  private long organiser;

  private FaultSuite(Map<String, String> args) {
    this.args = args;
    this.db = PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(args.get("--db"))).using(vertx).build();
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
      clients.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port(i)),
          new PoolOptions().setHttp1MaxSize(200)));
    }
    organiser = single("INSERT INTO organisers (email, name, password_hash) VALUES ('faults@parcours.local', 'Faults', 'x') "
        + "ON CONFLICT (lower(email)) DO UPDATE SET name = 'Faults' RETURNING id", Tuple.tuple());
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
    scenario("PostgreSQL restarted", () -> exec(args.get("--pg-ctl"), "-D", args.get("--pg-data"), "-m", "fast", "-w",
        "restart"));
    scenario("track rows locked from outside 15 s", () -> lockTracksFromOutside(15));
    write();
  }

  // ---------------------------------------------------------------- instances

  private int port(int instance) {
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (health(instance) == 200) {
        return;
      }
      sleep(0.25);
    }
    throw new IllegalStateException("instance " + instance + " did not come up; see " + work);
  }

  private int health(int instance) {
    try {
      return WebClient.create(vertx).get(port(instance), "127.0.0.1", "/health").timeout(2000).send()
          .await(3, TimeUnit.SECONDS).statusCode();
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
   * the fault injected after a few seconds; then the queue drained and the invariants read.
   */
  private void scenario(String name, Fault fault) throws Exception {
    System.out.println("== " + name);
    long fairId = fair(name);
    String slug = single("SELECT slug FROM fairs WHERE id = $1", Tuple.of(fairId));
    long outboxBefore = single("SELECT coalesce(max(id), 0) FROM outbox", Tuple.tuple());
    int seconds = Integer.parseInt(args.getOrDefault("--seconds", "40"));
    int concurrency = Integer.parseInt(args.getOrDefault("--concurrency", "12"));
    Rush rush = new Rush(slug, seconds);
    List<Future<?>> teachers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      teachers.add(rush.teacher(i));
    }
    sleep(FAULT_AT_SECONDS);
    long faultStart = System.nanoTime();
    fault.inject();
    double faultSeconds = (System.nanoTime() - faultStart) / 1e9;
    Future.join(teachers).await(seconds + 180, TimeUnit.SECONDS);
    for (int i = 0; i < INSTANCES; i++) {
      if (health(i) != 200) {
        start(i);
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fault", name);
    row.put("fault_seconds", round(faultSeconds));
    row.put("acknowledged", rush.acknowledged.size());
    row.put("retries", rush.retries.get());
    row.put("answers_503", rush.unavailable.get());
    row.put("gave_up", rush.gaveUp.get());
    row.put("longest_stop_s", round(rush.longestGapSeconds(faultStart)));
    row.putAll(invariants(fairId, rush.acknowledged));
    row.putAll(messages(outboxBefore));
    row.put("partial_files", partialFiles());
    results.add(row);
    System.out.println(row);
  }

  /** Teachers booking one after the other, each retrying its request with the same key until answered. */
  private final class Rush {
    final String slug;
    final long until;
    final long started = System.nanoTime();
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final List<Long> ackTimes = Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger unavailable = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger gaveUp = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    Rush(String slug, int seconds) {
      this.slug = slug;
      this.until = started + TimeUnit.SECONDS.toNanos(seconds);
    }

    Future<Void> teacher(int lane) {
      if (System.nanoTime() > until) {
        return Future.succeededFuture();
      }
      int i = next.getAndIncrement();
      String key = slug + "-" + i;
      JsonObject body = booking(i);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // A tenth send twice at once (a double click): the key makes them one booking.
      Future<Void> twice = i % 10 == 0 ? attempt(key, body, i + 1, deadline) : Future.succeededFuture();
      return Future.join(attempt(key, body, i, deadline), twice).<Void>mapEmpty()
          .recover(e -> Future.succeededFuture())
          .compose(done -> teacher(lane));
    }

    Future<Void> attempt(String key, JsonObject body, int server, long deadline) {
      WebClient client = clients.get(Math.floorMod(server, INSTANCES));
      return client.post("/api/fairs/" + slug + "/bookings").putHeader("Idempotency-Key", key).timeout(5000)
          .sendJsonObject(body)
          .transform(done -> {
            HttpResponse<Buffer> response = done.succeeded() ? done.result() : null;
            if (response != null && response.statusCode() == 201) {
              if (acknowledged.putIfAbsent(key, response.bodyAsJsonObject().getLong("id", -1L)) == null) {
                ackTimes.add(System.nanoTime());
              }
              return Future.succeededFuture();
            }
            if (response != null && response.statusCode() < 500) {
              return Future.succeededFuture(); // a refusal is an answer (closed window…)
            }
            if (response != null) {
              unavailable.incrementAndGet();
            }
            if (System.nanoTime() > deadline) {
              gaveUp.incrementAndGet();
              return Future.succeededFuture();
            }
            retries.incrementAndGet();
            // Retry-After says when; the next instance may answer sooner.
            Promise<Void> later = Promise.promise();
            vertx.setTimer(500, t -> attempt(key, body, server + 1, deadline).onComplete(later));
            return later.future();
          });
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

  private JsonObject booking(int i) {
    String[][] windows = {{"09:00", "12:30"}, {"13:30", "16:40"}, {"09:00", "16:40"}};
    String[] window = windows[i % windows.length];
    return new JsonObject()
        .put("school", new JsonObject().put("name", "Collège " + i % 40).put("uai", String.format("%07dB", i % 40))
            .put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "Prof " + i).put("email", "prof" + i + "@ac-bordeaux.fr"))
        .put("class", new JsonObject().put("name", "3e " + i).put("level", "3e"))
        .put("pupils", 20 + i % 9).put("adults", 2)
        .put("track", List.of("se-connaitre", "s-orienter").get(i % 2))
        .put("arrival", window[0]).put("departure", window[1]);
  }

  // ---------------------------------------------------------------- checks

  /** Violations read from the database: each must be 0. */
  private Map<String, Object> invariants(long fairId, Map<String, Long> acknowledged) {
    Tuple id = Tuple.of(fairId);
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("bookings", single("SELECT count(*) FROM bookings WHERE fair_id = $1", id));
    found.put("over_capacity", single("SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", id));
    found.put("counter_drift", single("SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> "
        + "(SELECT coalesce(sum(h.people), 0) FROM held_places h WHERE h.session_id = s.id)", id));
    found.put("broken_routes", single("SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND b.status = 'confirmed' "
        + "AND (SELECT count(DISTINCT activity) FROM sessions WHERE track_id = b.track_id AND kind <> 'stand_time') <> "
        + "(SELECT count(DISTINCT s.activity) FROM held_places h JOIN sessions s ON s.id = h.session_id "
        + "WHERE h.booking_id = b.id)", id));
    found.put("overlaps", single("SELECT count(*) FROM held_places a JOIN held_places b ON a.booking_id = b.booking_id "
        + "AND a.session_id < b.session_id JOIN sessions sa ON sa.id = a.session_id JOIN sessions sb ON sb.id = b.session_id "
        + "WHERE sa.fair_id = $1 AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at", id));
    found.put("keys_with_two_bookings", FaultSuite.<Long>single(db, "SELECT count(*) FROM (SELECT key FROM booking_requests WHERE fair_id = $1 "
        + "GROUP BY key HAVING count(DISTINCT booking_id) > 1) k", id)
        + FaultSuite.<Long>single(db, "SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND NOT EXISTS "
        + "(SELECT 1 FROM booking_requests r WHERE r.booking_id = b.id)", id));
    long stored = single("SELECT count(*) FROM bookings WHERE fair_id = $1 AND id = ANY($2)",
        Tuple.of(fairId, (Object) acknowledged.values().toArray(Long[]::new)));
    found.put("acknowledged_not_stored", acknowledged.size() - stored);
    found.put("waitlist_out_of_order", single("SELECT count(*) FROM (SELECT id, row_number() OVER (PARTITION BY track_id "
        + "ORDER BY waitlist_seq) AS by_seq, row_number() OVER (PARTITION BY track_id ORDER BY id) AS by_id "
        + "FROM bookings WHERE fair_id = $1 AND status = 'waitlisted') q WHERE by_seq <> by_id", id));
    return found;
  }

  /**
   * Every message of the scenario delivered, and how often: rows still unsent after the
   * claim lease (a killed sender's), files per message across the instances' mail directories.
   */
  private Map<String, Object> messages(long outboxBefore) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    long unsent;
    do {
      unsent = single("SELECT count(*) FROM outbox WHERE id > $1 AND sent_at IS NULL", Tuple.of(outboxBefore));
      if (unsent > 0) {
        sleep(1);
      }
    } while (unsent > 0 && System.nanoTime() < deadline);
    Map<String, Object> found = new LinkedHashMap<>();
    Set<Long> ids = new TreeSet<>();
    int files = 0;
    for (Path file : mailFiles()) {
      long messageId = Long.parseLong(file.getFileName().toString().substring(0, 8));
      if (messageId > outboxBefore) {
        ids.add(messageId);
        files++;
      }
    }
    found.put("messages", single("SELECT count(*) FROM outbox WHERE id > $1", Tuple.of(outboxBefore)));
    found.put("messages_unsent", unsent);
    long messages = single("SELECT count(*) FROM outbox WHERE id > $1", Tuple.of(outboxBefore));
    found.put("messages_without_file", messages - ids.size());
    found.put("messages_repeated_files", files - ids.size());
    found.put("messages_repeats_recorded", single("SELECT coalesce(sum(repeats), 0) FROM outbox WHERE id > $1",
        Tuple.of(outboxBefore)));
    return found;
  }

  private List<Path> mailFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      Path dir = Path.of(args.get("--work")).resolve("data-" + i).resolve("mail");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(f -> f.toString().endsWith(".eml")).forEach(all::add);
        }
      }
    }
    return all;
  }

  private long partialFiles() throws IOException {
    long count = 0;
    for (int i = 0; i < INSTANCES; i++) {
      Path dir = Path.of(args.get("--work")).resolve("data-" + i).resolve("mail");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          count += files.filter(f -> f.toString().endsWith(".part")).count();
        }
      }
    }
    return count;
  }

  // ---------------------------------------------------------------- the fair

  /** Two tracks of three activities, 30-minute sessions every 40 minutes, rooms of 60 to 120: room for about 70 classes. */
  private long fair(String name) {
    String slug = "faults-" + name.replaceAll("[^a-z0-9]+", "-") + "-" + System.nanoTime();
    long fairId = single("INSERT INTO fairs (slug, name, city, time_zone, status, owner_id, registration_opens_at, "
        + "registration_closes_at, changeover_minutes) VALUES ($1, $1, 'Bordeaux', 'Europe/Paris', 'published', $2, "
        + "now() - interval '1 day', now() + interval '30 days', 10) RETURNING id", Tuple.of(slug, organiser));
    single("INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, '08:30', '17:30') RETURNING 1",
        Tuple.of(fairId, DAY));
    long venue = single("INSERT INTO venues (fair_id, slug, name, address, city) VALUES ($1, 'hotel-de-region', "
        + "'Hôtel de Région', '14 rue François de Sourdis', 'Bordeaux') RETURNING id", Tuple.of(fairId));
    List<String> tracks = List.of("se-connaitre", "s-orienter");
    for (int t = 0; t < tracks.size(); t++) {
      long trackId = single("INSERT INTO tracks (fair_id, slug, name, position) VALUES ($1, $2, $2, $3) RETURNING id",
          Tuple.of(fairId, tracks.get(t), t));
      for (Object[] activity : new Object[][] {{"conference", "talk", "conference", 120}, {"atelier", "workshop",
          "workshop", 60}, {"temoignage", "testimony", "other", 90}}) {
        long room = single("INSERT INTO rooms (fair_id, venue_id, slug, name, kind, capacity) VALUES ($1, $2, $3, $3, $4, $5) "
            + "RETURNING id", Tuple.of(fairId, venue, tracks.get(t) + "-" + activity[0], activity[2], activity[3]));
        single("WITH s AS (INSERT INTO sessions (fair_id, activity, title, kind, track_id, room_id, starts_at, ends_at, capacity) "
            + "SELECT $1, $2, $2, $3, $4, $5, (($6::date + start) AT TIME ZONE 'Europe/Paris'), "
            + "(($6::date + start + interval '30 minutes') AT TIME ZONE 'Europe/Paris'), $7 FROM ("
            + "SELECT time '09:00' + i * interval '40 minutes' AS start FROM generate_series(0, 4) i UNION ALL "
            + "SELECT time '13:30' + i * interval '40 minutes' FROM generate_series(0, 4) i) slots RETURNING 1) "
            + "SELECT count(*) FROM s", Tuple.of(fairId, activity[0], activity[1], trackId, room, DAY, activity[3]));
      }
    }
    return fairId;
  }

  // ---------------------------------------------------------------- output

  private void write() throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = Files.createDirectories(Path.of("bench/results"));
    List<String> columns = new ArrayList<>(results.get(0).keySet());
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    StringBuilder md = new StringBuilder("# Fault suite " + stamp + "\n\n")
        .append(INSTANCES).append(" instances on one durable PostgreSQL, ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ").append(System.getProperty("java.version")).append(", command `")
        .append(args.getOrDefault("--command", "bench/faults.sh")).append("`.\n")
        .append("Every column from `bookings` to `waitlist_out_of_order` except `bookings`, and `messages_unsent`, ")
        .append("`messages_without_file`, `partial_files` must be 0; `longest_stop_s` is the longest time, from the ")
        .append("fault on, during which no booking was acknowledged.\n\n")
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

  private <T> T single(String sql, Tuple args) {
    return single(db, sql, args);
  }

  private static <T> T single(Pool db, String sql, Tuple args) {
    Row row = db.preparedQuery(sql).execute(args).await().iterator().next();
    @SuppressWarnings("unchecked")
    T value = (T) row.getValue(0);
    return value;
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
