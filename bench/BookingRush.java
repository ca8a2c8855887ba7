import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/run.sh, against running server instances (requests spread round
 * robin) on one PostgreSQL:
 * <ol>
 *   <li>registration rush on a fair the size of a 3,000-pupil edition, N teachers at once, some
 *   sending their request twice with the same key, some cancelling once confirmed; then the
 *   invariants from the database;</li>
 *   <li>the hot spot: the same with every class on one track;</li>
 *   <li>pgbench running the same booking transaction on an identical fresh fair, at the same
 *   concurrency and at the servers' pool size: the database's ceiling, in the same run;</li>
 *   <li>calendar feed polling, with and without If-None-Match, next to a static file of the
 *   same size.</li>
 * </ol>
 * Writes a Markdown table and a CSV to bench/results/.
 */
public final class BookingRush {

  private static final double RETRY_SHARE = 0.1;
  private static final double CANCEL_SHARE = 0.1;

  /** The servers under test and their database; the baseline (the main measured against) has its own database. */
  private record Side(Teachers teachers, Pool db, BenchFairs fairs) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final Teachers teachers;
  private final Pool db;
  private final BenchFairs fairs;
  private final Side side;
  /** Null unless --base-servers and --base-db name a baseline build, run on the same PostgreSQL in the same run. */
  private final Side base;
  private final String dbUrl;
  private final Args args;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  /** Each side's warm-up rounds: their rush's bookings/s, in order. */
  private final Map<String, List<Double>> warmUps = new LinkedHashMap<>();

  private BookingRush(Args args) {
    this.args = args;
    this.dbUrl = args.text("--db", null);
    this.teachers = new Teachers(vertx, List.of(args.text("--servers", "127.0.0.1:8080").split(",")), 1000);
    this.db = pool(dbUrl);
    this.fairs = new BenchFairs(db);
    this.side = new Side(teachers, db, fairs);
    String baseServers = args.text("--base-servers", null);
    if (baseServers == null) {
      this.base = null;
    } else {
      Pool baseDb = pool(args.text("--base-db", null));
      this.base = new Side(new Teachers(vertx, List.of(baseServers.split(",")), 1000), baseDb, new BenchFairs(baseDb));
    }
  }

  private Pool pool(String url) {
    return PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(4))
        .connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
  }

  public static void main(String[] argv) throws Exception {
    BookingRush bench = new BookingRush(new Args(argv));
    try {
      bench.runAll();
    } finally {
      bench.vertx.close().await();
    }
  }

  private void runAll() throws Exception {
    List<Integer> ns = args.ints("--n", "50,200,1000");
    int requests = args.integer("--requests", 2000);
    long organiser = organiser(db);
    long baseOrganiser = base == null ? 0 : organiser(base.db());
    BenchFairs.await(db.query(OneRoundTrip.FUNCTION).execute());
    System.out.println("warm-up");
    warmUps.put("ours", warmUp(side, organiser));
    if (base != null) {
      warmUps.put("base", warmUp(base, baseOrganiser));
    }
    List<String> tokens = new ArrayList<>();
    BenchFairs.BenchFair busiest = null;
    for (boolean hotSpot : List.of(false, true)) {
      for (int n : ns) {
        String scenario = hotSpot ? "hot spot" : "rush";
        System.out.println(scenario + " N=" + n);
        BenchFairs.BenchFair fair = fairs.generate(organiser, (hotSpot ? "hot" : "rush") + "-" + n);
        Map<String, Object> row = rush(side, fair, Math.max(requests, n), n, hotSpot);
        row.put("invariant_violations", invariants(side, fair, (Set<?>) row.remove("keys")));
        tokens = castTokens(row.remove("tokens"), tokens);
        if (!hotSpot) {
          busiest = fair;
        }
        if (base != null) {
          against(row, baseOrganiser, n, Math.max(requests, n), hotSpot);
        }
        ceiling(organiser, row, n, Math.max(requests, n), hotSpot);
        rows.add(row);
        System.out.println(row);
      }
    }
    if (!args.text("--feeds", "yes").equals("no")) {
      feeds(busiest, tokens);
    }
    write();
  }

  private static long organiser(Pool pool) {
    return BenchFairs.await(pool.query("INSERT INTO organisers (email, name, password_hash) VALUES ('bench@parcours.local', "
        + "'Bench', 'x') ON CONFLICT (lower(email)) DO UPDATE SET name = 'Bench' RETURNING id").execute())
        .iterator().next().getLong(0);
  }

  /**
   * Warm-up rounds (a rush at 50, then a hot spot at 200, 1,000 teachers each) until the server
   * is warm: under this load on 2 cores its C2 compiler runs flat out for the first 50 s or so
   * (one thread busy all along in its compilation log, half of the JVM's samples in a profile),
   * then falls quiet; a scenario measured after a short warm-up measures the compiler. So each
   * side runs rounds for at least {@code --warmup-seconds} (60) and {@code --warmup-rounds} (5).
   * Answers the rush's rate of each round, for the report: it levels off as the JIT settles.
   */
  private List<Double> warmUp(Side on, long organiser) throws Exception {
    long until = System.nanoTime() + args.integer("--warmup-seconds", 60) * 1_000_000_000L;
    int rounds = args.integer("--warmup-rounds", 5);
    List<Double> rates = new ArrayList<>();
    while (rates.size() < rounds || System.nanoTime() < until) {
      String round = String.valueOf(rates.size());
      rates.add((double) rush(on, on.fairs().generate(organiser, "warmup-" + round), 1000, 50, false)
          .get("bookings_per_s"));
      rush(on, on.fairs().generate(organiser, "warmup-hot-" + round), 1000, 200, true);
      System.out.println("warm-up round " + round + ": " + rates.get(rates.size() - 1) + " bookings/s");
    }
    return rates;
  }

  /** The same scenario on the baseline build, right after: its rate, and ours divided by it. */
  private void against(Map<String, Object> row, long organiser, int n, int requests, boolean hotSpot) throws Exception {
    BenchFairs.BenchFair fair = base.fairs().generate(organiser, (hotSpot ? "hot" : "rush") + "-" + n);
    Map<String, Object> baseRow = rush(base, fair, requests, n, hotSpot);
    long violations = invariants(base, fair, (Set<?>) baseRow.get("keys"));
    double baseRate = (double) baseRow.get("bookings_per_s");
    row.put("base_bookings_per_s", baseRate);
    row.put("base_p50_ms", baseRow.get("p50_ms"));
    row.put("base_p99_ms", baseRow.get("p99_ms"));
    row.put("base_invariant_violations", violations);
    row.put("ratio_base", round2((double) row.get("bookings_per_s") / baseRate));
  }

  // ---------------------------------------------------------------- the rush

  /**
   * {@code requests} teachers, {@code concurrency} at once. A tenth send their request twice at
   * the same moment with the same key (a double click, a retry after a timeout); a tenth of those
   * confirmed cancel at once (places go back to the waiting list).
   */
  private Map<String, Object> rush(Side on, BenchFairs.BenchFair fair, int requests, int concurrency, boolean hotSpot)
      throws Exception {
    awaitOutboxDelivered(side);
    if (base != null) {
      awaitOutboxDelivered(base);
    }
    // The same PostgreSQL serves both sides: a checkpoint the last rush's writes made due lands
    // here, before this one, not in its measurement.
    BenchFairs.await(db.query("CHECKPOINT").execute());
    Teachers teachers = on.teachers();
    Random random = new Random(42);
    List<Teachers.Teacher> drawn = new ArrayList<>();
    Set<Integer> cancelling = new HashSet<>();
    for (int i = 0; i < requests; i++) {
      JsonObject body = BenchFairs.booking(random, fair, i, hotSpot);
      drawn.add(new Teachers.Teacher(i, fair.slug() + "-" + i, body, random.nextDouble() < RETRY_SHARE));
      if (random.nextDouble() < CANCEL_SHARE) {
        cancelling.add(i);
      }
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    Set<String> createdKeys = ConcurrentHashMap.newKeySet();
    List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    teachers.rush(concurrency, i -> i < requests ? drawn.get(i) : null, teacher -> Teachers.onceOrTwice(teacher,
            t -> timed(latencies, () -> teachers.post(fair.slug(), t))
                .andThen(done -> count(outcomes, createdKeys, t.key(), done.result(), done.cause())))
        .compose(response -> afterBooking(teachers, response, cancelling.contains(teacher.index()), latencies, outcomes,
            tokens)))
        .await(900, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> row = row(hotSpot ? "hot spot" : "rush", concurrency, latencies.size(), seconds, latencies);
    int created = count(outcomes, "confirmed") + count(outcomes, "waitlisted");
    row.put("bookings_per_s", round(created / seconds));
    row.put("confirmed", count(outcomes, "confirmed"));
    row.put("waitlisted", count(outcomes, "waitlisted"));
    row.put("replayed", count(outcomes, "replayed"));
    row.put("cancelled", count(outcomes, "cancelled"));
    row.put("refused_4xx", outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("4"))
        .mapToInt(e -> e.getValue().get()).sum());
    row.put("errors", outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().equals("transport"))
        .mapToInt(e -> e.getValue().get()).sum());
    row.put("outcomes", new TreeMap<>(outcomes).toString());
    row.put("keys", createdKeys);
    row.put("tokens", tokens);
    return row;
  }

  /**
   * Waits until the side's servers delivered every message queued so far. Both sides are waited
   * for before every rush: one side's rush does not share the machine with the other still
   * mailing its warm-up's or last scenario's classes.
   */
  private static void awaitOutboxDelivered(Side on) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (on.fairs().<Long>value("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL", Tuple.tuple()) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
  }

  private static Future<?> afterBooking(Teachers teachers, HttpResponse<Buffer> response, boolean cancel, List<Long> latencies,
                                 Map<String, AtomicInteger> outcomes, List<String> tokens) {
    if (response == null || response.statusCode() != 201) {
      return Future.succeededFuture();
    }
    JsonObject booking = response.bodyAsJsonObject();
    String url = booking.getString("manage_url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    if (!"confirmed".equals(booking.getString("status"))) {
      return Future.succeededFuture();
    }
    if (!cancel) {
      tokens.add(token);
      return Future.succeededFuture();
    }
    return timed(latencies, () -> teachers.server().delete("/api/bookings/" + token).send())
        .andThen(done -> outcomes.computeIfAbsent(done.succeeded() && done.result().statusCode() == 200 ? "cancelled"
            : "cancel failed " + (done.succeeded() ? done.result().statusCode() : "transport"), k -> new AtomicInteger())
            .incrementAndGet());
  }

  private static void count(Map<String, AtomicInteger> outcomes, Set<String> createdKeys, String key,
                            HttpResponse<Buffer> response, Throwable failure) {
    String outcome;
    if (failure != null) {
      outcome = "transport";
    } else if (response.statusCode() == 201 && "true".equals(response.getHeader("Idempotent-Replayed"))) {
      outcome = "replayed";
    } else if (response.statusCode() == 201) {
      outcome = response.bodyAsJsonObject().getString("status");
      createdKeys.add(key);
    } else {
      JsonObject error = response.bodyAsJsonObject();
      outcome = response.statusCode() + " " + (error == null ? "" : error.getString("code"));
    }
    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
  }

  // ---------------------------------------------------------------- invariants

  /**
   * Violations found in the database once the rush is over ({@link BenchFairs#invariants}),
   * and bookings that are not exactly the keys answered 201 the first time.
   */
  private static long invariants(Side on, BenchFairs.BenchFair fair, Set<?> createdKeys) {
    Map<String, Long> found = new LinkedHashMap<>(on.fairs().invariants(fair.id()));
    long bookings = on.fairs().value("SELECT count(*) FROM bookings WHERE fair_id = $1", Tuple.of(fair.id()));
    found.put("bookings_not_created_keys", Math.abs(bookings - createdKeys.size()));
    long total = found.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      System.out.println("INVARIANTS VIOLATED: " + found);
    }
    return total;
  }

  // ---------------------------------------------------------------- the ceiling

  /**
   * pgbench on identical fresh fairs, at the rush's concurrency and at the servers' total pool
   * size (what the servers themselves can open): the booking transaction as main ran it (one
   * round trip per statement), and the same booking done by one function call (one round trip
   * and one commit per booking, {@link OneRoundTrip}). The ratio to the one round trip is to
   * the better of its two.
   */
  private void ceiling(long organiser, Map<String, Object> row, int n, int requests, boolean hotSpot)
      throws Exception {
    double serverRate = (double) row.get("bookings_per_s");
    int poolTotal = args.integer("--pool-size", 16) * args.integer("--instances", 1);
    double same = pgbench(PgbenchScript.of(fairs.generate(organiser, "pgbench-" + n), hotSpot), n, requests);
    double atPool = pgbench(PgbenchScript.of(fairs.generate(organiser, "pgbench-pool-" + n), hotSpot),
        Math.min(poolTotal, n), requests);
    row.put("pgbench_tps_same_n", round(same));
    row.put("ratio_same_n", round2(serverRate / same));
    row.put("pgbench_tps_pool", round(atPool));
    row.put("ratio_pool", round2(serverRate / atPool));
    double oneSame = pgbench(OneRoundTrip.of(fairs.generate(organiser, "one-rt-" + n), hotSpot), n, requests);
    double onePool = pgbench(OneRoundTrip.of(fairs.generate(organiser, "one-rt-pool-" + n), hotSpot),
        Math.min(poolTotal, n), requests);
    row.put("one_rt_tps_same_n", round(oneSame));
    row.put("one_rt_tps_pool", round(onePool));
    row.put("ratio_one_rt", round2(serverRate / Math.max(oneSame, onePool)));
  }

  private double pgbench(String sql, int clients, int transactions) throws Exception {
    Path script = Files.createTempFile("booking-", ".sql");
    Files.writeString(script, sql);
    URI uri = URI.create(dbUrl.replace("postgresql://", "http://"));
    String[] user = uri.getUserInfo().split(":");
    ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-f", script.toString(),
        "-c", String.valueOf(clients), "-j", "2", "-t", String.valueOf(Math.max(1, transactions / clients)),
        "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user[0], uri.getPath().substring(1))
        .redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", user[1]);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
    if (failed.find() && !failed.group(1).equals("0")) {
      System.out.println("pgbench: " + failed.group(1) + " failed transactions");
    }
    return Double.parseDouble(tps.group(1));
  }

  /**
   * The statements the server runs for one booking, in the same order and as many round trips:
   * the fair, its days, the track and the rules outside the transaction; then the key, the
   * track's lock, the track's sessions, the booking, the places, the key's link, the booking
   * and its route read back, the message and its NOTIFY (the generated fairs set no school
   * caps, so neither takes a school's lock nor reads its usage). The route
   * is chosen in SQL (the first session of each activity with room) where the server runs its
   * route finder: the same rows read and written.
   */
  private static final class PgbenchScript {
    static String of(BenchFairs.BenchFair fair, boolean hotSpot) {
      String track = hotSpot ? "\\set track " + fair.trackIds().get(2)
          : "\\set track " + fair.trackIds().get(0) + " + random(0, " + (fair.trackIds().size() - 1) + ")";
      return String.join("\n",
          "\\set school random(1, " + BenchFairs.schools() + ")",
          track,
          "\\set people random(22, 31)",
          "\\set k random(1, 2000000000)",
          "SELECT * FROM fairs WHERE slug = '" + fair.slug() + "';",
          "SELECT day, opens_at, closes_at FROM fair_days WHERE fair_id = " + fair.id() + " ORDER BY day;",
          "SELECT id, slug, name FROM tracks WHERE fair_id = " + fair.id() + " AND id = :track;",
          "SELECT * FROM booking_rules WHERE fair_id = " + fair.id() + ";",
          "BEGIN;",
          "INSERT INTO booking_requests (fair_id, key, body_hash) VALUES (" + fair.id() + ", 'pg-' || :client_id || '-' "
              + "|| :k, decode(md5(:k::text), 'hex')) ON CONFLICT DO NOTHING;",
          "SELECT id FROM tracks WHERE id = :track FOR UPDATE;",
          "WITH timetable AS (SELECT s.id, s.activity, s.starts_at, s.capacity, s.booked, r.name FROM sessions s "
              + "LEFT JOIN rooms r ON r.id = s.room_id WHERE s.track_id = :track AND s.status = 'scheduled' "
              + "AND s.kind <> 'stand_time'), route AS (SELECT DISTINCT ON (activity) id FROM timetable "
              + "WHERE booked + :people <= capacity ORDER BY activity, starts_at) "
              + "SELECT CASE WHEN (SELECT count(*) FROM route) = (SELECT count(DISTINCT activity) FROM timetable) "
              + "THEN 'confirmed' ELSE 'waitlisted' END AS status, "
              + "CASE WHEN (SELECT count(*) FROM route) = (SELECT count(DISTINCT activity) FROM timetable) "
              + "THEN (SELECT array_agg(id) FROM route)::text ELSE '{}' END AS route \\gset",
          "INSERT INTO bookings (fair_id, track_id, manage_token, day, arrival, departure, school_name, school_uai, "
              + "school_city, teacher_name, teacher_email, class_name, class_level, pupils, adults, status, waitlist_seq) "
              + "VALUES (" + fair.id() + ", :track, md5(random()::text), '" + BenchFairs.DAY + "', '09:00', '16:30', 'Collège', "
              + "lpad(:school::text, 7, '0') || 'B', 'Bordeaux', 'Prof', 'prof@ac-bordeaux.fr', '3e', '3e', :people - 2, 2, "
              + ":status, CASE WHEN :status = 'waitlisted' THEN nextval('booking_waitlist_seq') END) "
              + "RETURNING id AS booking_id \\gset",
          "UPDATE sessions SET booked = booked + :people WHERE id = ANY(:route::bigint[]);",
          "INSERT INTO booking_sessions (booking_id, session_id, people) SELECT :booking_id, unnest(:route::bigint[]), "
              + ":people ON CONFLICT (booking_id, session_id) DO UPDATE SET people = EXCLUDED.people, released_at = NULL, "
              + "revision = booking_sessions.revision + 1, updated_at = now();",
          "UPDATE booking_requests SET booking_id = :booking_id WHERE fair_id = " + fair.id()
              + " AND key = 'pg-' || :client_id || '-' || :k;",
          "SELECT b.*, t.slug, t.name, CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*) FROM bookings w "
              + "WHERE w.track_id = b.track_id AND w.status = 'waitlisted' AND w.waitlist_seq <= b.waitlist_seq) END "
              + "FROM bookings b JOIN tracks t ON t.id = b.track_id WHERE b.id = :booking_id;",
          "SELECT bs.booking_id, s.id, s.activity, s.title, coalesce(r.name, ''), s.starts_at, s.ends_at, s.capacity, "
              + "s.booked, s.track_id FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id "
              + "JOIN held_places bs ON bs.session_id = s.id WHERE bs.booking_id = ANY(ARRAY[:booking_id]::bigint[]);",
          // Queued as already sent: the server under test shares this database and would deliver them.
          "INSERT INTO outbox (kind, recipient, subject, body, sent_at) VALUES ('booking_' || :status, "
              + "'prof@ac-bordeaux.fr', 'Inscription', repeat('Votre parcours. ', 100), now());",
          "NOTIFY parcours_outbox;",
          "COMMIT;",
          "");
    }
  }

  /**
   * The booking done in one round trip: a PL/pgSQL function doing the server's work for one
   * booking (the key claimed or replayed, the track locked, its sessions read and a route chosen
   * as {@link PgbenchScript} does, the booking, its places and route, the key linked, the message
   * and its NOTIFY), called by one statement, so one round trip and one commit per booking: what
   * a booking costs PostgreSQL when nothing else is in the way. Created in the bench's database
   * only; the server never uses it.
   */
  private static final class OneRoundTrip {
    static final String FUNCTION = String.join("\n",
        "CREATE OR REPLACE FUNCTION bench_book(p_fair bigint, p_track bigint, p_key text, p_people int, p_uai text)",
        "RETURNS bigint LANGUAGE plpgsql AS $$",
        "DECLARE v_route bigint[]; v_activities int; v_status text; v_id bigint;",
        "BEGIN",
        "  PERFORM 1 FROM booking_rules WHERE fair_id = p_fair;",
        "  INSERT INTO booking_requests (fair_id, key, body_hash) VALUES (p_fair, p_key, decode(md5(p_key), 'hex'))",
        "    ON CONFLICT DO NOTHING;",
        "  IF NOT FOUND THEN",
        "    SELECT booking_id INTO v_id FROM booking_requests WHERE fair_id = p_fair AND key = p_key;",
        "    RETURN v_id;",
        "  END IF;",
        "  PERFORM 1 FROM tracks WHERE id = p_track FOR UPDATE;",
        "  SELECT count(DISTINCT activity) INTO v_activities FROM sessions",
        "    WHERE track_id = p_track AND status = 'scheduled' AND kind <> 'stand_time';",
        "  SELECT array_agg(id) INTO v_route FROM (SELECT DISTINCT ON (activity) id FROM sessions",
        "    WHERE track_id = p_track AND status = 'scheduled' AND kind <> 'stand_time' AND booked + p_people <= capacity",
        "    ORDER BY activity, starts_at) r;",
        "  v_status := CASE WHEN coalesce(array_length(v_route, 1), 0) = v_activities THEN 'confirmed' ELSE 'waitlisted' END;",
        "  INSERT INTO bookings (fair_id, track_id, manage_token, day, arrival, departure, school_name, school_uai,",
        "    school_city, teacher_name, teacher_email, class_name, class_level, pupils, adults, status, waitlist_seq)",
        "    VALUES (p_fair, p_track, md5(random()::text), '" + BenchFairs.DAY + "', '09:00', '16:30', 'Collège', p_uai,",
        "    'Bordeaux', 'Prof', 'prof@ac-bordeaux.fr', '3e', '3e', p_people - 2, 2, v_status,",
        "    CASE WHEN v_status = 'waitlisted' THEN nextval('booking_waitlist_seq') END) RETURNING id INTO v_id;",
        "  IF v_status = 'confirmed' THEN",
        "    UPDATE sessions SET booked = booked + p_people WHERE id = ANY(v_route);",
        "    INSERT INTO booking_sessions (booking_id, session_id, people) SELECT v_id, unnest(v_route), p_people;",
        "  END IF;",
        "  UPDATE booking_requests SET booking_id = v_id WHERE fair_id = p_fair AND key = p_key;",
        "  INSERT INTO outbox (kind, recipient, subject, body, sent_at) VALUES ('booking_' || v_status,",
        "    'prof@ac-bordeaux.fr', 'Inscription', repeat('Votre parcours. ', 100), now());",
        "  PERFORM pg_notify('parcours_outbox', '');",
        "  RETURN v_id;",
        "END $$;");

    static String of(BenchFairs.BenchFair fair, boolean hotSpot) {
      String track = hotSpot ? "\\set track " + fair.trackIds().get(2)
          : "\\set track " + fair.trackIds().get(0) + " + random(0, " + (fair.trackIds().size() - 1) + ")";
      return String.join("\n",
          "\\set school random(1, " + BenchFairs.schools() + ")",
          track,
          "\\set people random(22, 31)",
          "\\set k random(1, 2000000000)",
          "SELECT bench_book(" + fair.id() + ", :track, 'rt-' || :client_id || '-' || :k, :people, "
              + "lpad(:school::text, 7, '0') || 'B');",
          "");
    }
  }

  // ---------------------------------------------------------------- feeds

  /**
   * Calendar clients polling, plain and conditional: the whole fair's feed (one shared feed, as
   * subscribers of a fair's programme poll it), the class feeds of confirmed bookings (one feed
   * each), and a static file from webroot/ of the fair feed's size.
   */
  private void feeds(BenchFairs.BenchFair fair, List<String> tokens) throws Exception {
    int requests = args.integer("--feed-requests", 20000);
    int clients = args.integer("--feed-clients", 200);
    String fairFeed = "/calendars/fairs/" + fair.slug() + ".ics";
    HttpResponse<Buffer> sample = BenchFairs.await(teachers.server().get(fairFeed).send());
    Path staticFile = Path.of(args.text("--static", "webroot/bench-static.ics"));
    Files.write(staticFile, sample.body().getBytes());
    String staticPath = "/" + staticFile.getFileName();
    int size = sample.body().length();
    rows.add(poll("fair feed (" + size + " B)", clients, requests, i -> fairFeed, false));
    rows.add(poll("fair feed, conditional", clients, requests, i -> fairFeed, true));
    rows.add(poll("static file (" + size + " B)", clients, requests, i -> staticPath, false));
    rows.add(poll("static file, conditional", clients, requests, i -> staticPath, true));
    if (!tokens.isEmpty()) {
      Function<Integer, String> classFeed = i -> "/calendars/bookings/" + tokens.get(i % tokens.size()) + ".ics";
      rows.add(poll("class feeds (" + tokens.size() + ")", clients, requests, classFeed, false));
      rows.add(poll("class feeds, conditional", clients, requests, classFeed, true));
    }
  }

  /**
   * {@code requests} GETs, {@code clients} at once; a conditional client sends back the ETag
   * (If-None-Match) or else the Last-Modified (If-Modified-Since) it was given first.
   */
  private Map<String, Object> poll(String label, int clients, int requests, Function<Integer, String> path,
                                   boolean conditional) throws Exception {
    Map<String, String[]> validators = new ConcurrentHashMap<>();
    if (conditional) {
      for (int i = 0; i < Math.min(requests, 500); i++) {
        String p = path.apply(i);
        HttpResponse<Buffer> first = BenchFairs.await(teachers.server().get(p).send());
        if (first.getHeader("ETag") != null) {
          validators.put(p, new String[] {"If-None-Match", first.getHeader("ETag")});
        } else if (first.getHeader("Last-Modified") != null) {
          validators.put(p, new String[] {"If-Modified-Since", first.getHeader("Last-Modified")});
        }
      }
    }
    Semaphore inFlight = new Semaphore(clients);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Future<?>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      String p = path.apply(i);
      inFlight.acquire();
      HttpRequest<Buffer> request = teachers.server().get(p);
      String[] validator = validators.get(p);
      if (validator != null) {
        request.putHeader(validator[0], validator[1]);
      }
      all.add(timed(latencies, request::send).andThen(done -> {
        statuses.computeIfAbsent(done.succeeded() ? String.valueOf(done.result().statusCode()) : "transport",
            k -> new AtomicInteger()).incrementAndGet();
        inFlight.release();
      }));
    }
    Future.join(new ArrayList<>(all)).await(600, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> row = row(label, clients, requests, seconds, latencies);
    row.put("outcomes", new TreeMap<>(statuses).toString());
    row.put("errors", statuses.entrySet().stream().filter(e -> !e.getKey().equals("200") && !e.getKey().equals("304"))
        .mapToInt(e -> e.getValue().get()).sum());
    System.out.println(row);
    return row;
  }

  // ---------------------------------------------------------------- report

  private static final List<String> COLUMNS = List.of("scenario", "n", "requests", "seconds", "requests_per_s",
      "bookings_per_s", "p50_ms", "p95_ms", "p99_ms", "max_ms", "confirmed", "waitlisted", "replayed", "cancelled",
      "refused_4xx", "errors", "invariant_violations", "pgbench_tps_same_n", "ratio_same_n", "pgbench_tps_pool",
      "ratio_pool", "one_rt_tps_same_n", "one_rt_tps_pool", "ratio_one_rt", "base_bookings_per_s", "base_p50_ms",
      "base_p99_ms", "base_invariant_violations", "ratio_base", "outcomes");

  private void write() throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String postgres = BenchFairs.await(db.query("SHOW server_version").execute()).iterator().next().getString(0);
    String context = String.format("%s, %d cores, %d instance(s) × pool %d, booking.group_max %s, Java %s, "
        + "PostgreSQL %s, Vert.x %s", LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
        args.integer("--instances", 1), args.integer("--pool-size", 16), args.text("--group-max", "?"),
        System.getProperty("java.version"), postgres, args.text("--vertx", "?"))
        + (base == null ? "" : "; base_* columns: " + args.text("--base-label", "the baseline build")
        + ", the same instances and pool on its own database of the same PostgreSQL, right after each scenario")
        + "; mail " + (args.text("--mail", "files").equals("smtp") ? "over SMTP to bench/SmtpSink" : "written to files")
        + "; load average at the end " + loadAverage() + "; warm-up rounds (rush at 50, bookings/s) " + warmUps;
    StringBuilder csv = new StringBuilder("date,cores,instances,pool_size,group_max,java,postgres,vertx,"
        + String.join(",", COLUMNS) + "\n");
    StringBuilder md = new StringBuilder("# Benchmark " + stamp + "\n\n" + context + "\n\n| "
        + String.join(" | ", COLUMNS) + " |\n|" + "---|".repeat(COLUMNS.size()) + "\n");
    for (Map<String, Object> row : rows) {
      csv.append(String.join(",", LocalDateTime.now().withNano(0).toString(),
          String.valueOf(Runtime.getRuntime().availableProcessors()), String.valueOf(args.integer("--instances", 1)),
          String.valueOf(args.integer("--pool-size", 16)), args.text("--group-max", "?"),
          System.getProperty("java.version"), postgres,
          args.text("--vertx", "?")));
      md.append("|");
      for (String column : COLUMNS) {
        String value = String.valueOf(row.getOrDefault(column, ""));
        csv.append(",\"").append(value.replace("\"", "'")).append('"');
        md.append(' ').append(value).append(" |");
      }
      csv.append('\n');
      md.append('\n');
    }
    md.append("\n").append(args.text("--command", "bench/run.sh")).append("\n");
    Path dir = Path.of("bench/results");
    Files.createDirectories(dir);
    String name = "bench-" + stamp + "-" + args.integer("--instances", 1) + "x-group" + args.text("--group-max", "?")
        + (base == null ? "" : "-ab");
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    Files.writeString(dir.resolve(name + ".csv"), csv.toString());
    System.out.println(md);
    System.out.println("Written to " + dir.resolve(name + ".md") + " and .csv");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static Map<String, Object> row(String scenario, int n, int requests, double seconds, List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("scenario", scenario);
    row.put("n", n);
    row.put("requests", requests);
    row.put("seconds", round2(seconds));
    row.put("requests_per_s", round(requests / seconds));
    row.put("p50_ms", percentile(sorted, 50));
    row.put("p95_ms", percentile(sorted, 95));
    row.put("p99_ms", percentile(sorted, 99));
    row.put("max_ms", percentile(sorted, 100));
    return row;
  }

  // ---------------------------------------------------------------- helpers

  private static <T> Future<T> timed(List<Long> latencies, Supplier<Future<T>> call) {
    long sent = System.nanoTime();
    return call.get().andThen(done -> latencies.add(System.nanoTime() - sent));
  }

  private static int count(Map<String, AtomicInteger> outcomes, String key) {
    AtomicInteger value = outcomes.get(key);
    return value == null ? 0 : value.get();
  }

  @SuppressWarnings("unchecked")
  private static List<String> castTokens(Object tokens, List<String> previous) {
    List<String> list = (List<String>) tokens;
    return list.size() > previous.size() ? list : previous;
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    return round2(sorted.get(Math.max(0, index)) / 1e6);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** {@code --name value} pairs. */
  private record Args(String[] argv) {
    String text(String name, String fallback) {
      for (int i = 0; i < argv.length - 1; i++) {
        if (argv[i].equals(name)) {
          return argv[i + 1];
        }
      }
      return fallback;
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    List<Integer> ints(String name, String fallback) {
      return java.util.Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
  }
}
