import fr.parcours.Application;
import fr.parcours.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration-day rush on the demo fair: N teachers book at once (C in flight), spread over
 * the four tracks with morning, afternoon and whole-day windows. Reports throughput, latency
 * percentiles and outcomes, then checks from the database that no session went over capacity.
 *
 * Run with bench/booking-rush.sh; results go to bench/results/.
 */
public final class BookingRush {

  private static final List<String> TRACKS = List.of("preserver-la-planete", "se-connaitre", "s-orienter", "s-engager");
  private static final String[][] WINDOWS = {{"09:00", "12:00"}, {"13:30", "16:30"}, {"09:00", "16:30"}};

  public static void main(String[] args) throws Exception {
    int requests = intArg(args, "--requests", 2000);
    int concurrency = intArg(args, "--concurrency", 200);
    Path dataDir = Files.createTempDirectory("parcours-bench-");
    int port = freePort();
    AppConfig config = AppConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("port", port).put("host", "127.0.0.1"))
        .put("data", new JsonObject().put("dir", dataDir.toString()))
        .put("mail", new JsonObject().put("poll_seconds", 3600)));
    Application app = Application.start(config, true).await(120, TimeUnit.SECONDS);
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"),
        new PoolOptions().setHttp1MaxSize(concurrency));
    try {
      // The warm-up fills the demo fair (about 32 classes fit): the rush then measures the
      // heaviest path too, route search failing and joining the waiting list under the lock.
      List<String> confirmed = Collections.synchronizedList(new ArrayList<>());
      String report = run(client, 100, 20, "warmup", confirmed) + "\n"
          + run(client, requests, concurrency, "rush", confirmed) + "\n"
          + cancelAll(client, confirmed, app) + "\n" + invariants(app);
      System.out.println(report);
      Path out = Path.of("bench/results/booking-rush-"
          + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, header(requests, concurrency) + report + "\n");
      System.out.println("Written to " + out);
    } finally {
      client.close();
      vertx.close().await();
      app.stop().await(60, TimeUnit.SECONDS);
    }
  }

  private static String run(WebClient client, int requests, int concurrency, String label, List<String> confirmed)
      throws Exception {
    Random random = new Random(42);
    Semaphore inFlight = new Semaphore(concurrency);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<Future<?>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      JsonObject body = booking(random, label + "-" + i);
      inFlight.acquire();
      long sent = System.nanoTime();
      all.add(client.post("/api/fairs/teens-up-bordeaux-2027/bookings")
          .putHeader("Idempotency-Key", label + "-" + i)
          .sendJsonObject(body)
          .onComplete(done -> {
            latencies.add(System.nanoTime() - sent);
            String outcome = outcome(done.result(), done.cause());
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            if (outcome.equals("confirmed")) {
              confirmed.add(managePath(done.result().bodyAsJsonObject()));
            }
            inFlight.release();
          }));
    }
    Future.join(new ArrayList<>(all)).await(600, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format("%s: %d requests, %d in flight, %.1f s, %.0f bookings/s%n  %s%n  outcomes: %s",
        label, requests, concurrency, seconds, requests / seconds, latencyLine(latencies), new TreeMap<>(outcomes));
  }

  /** Every confirmed class cancels at once: each cancellation promotes from a long waiting list. */
  private static String cancelAll(WebClient client, List<String> managePaths, Application app) {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (String path : List.copyOf(managePaths)) {
      long sent = System.nanoTime();
      all.add(client.delete(path).send().onComplete(done -> latencies.add(System.nanoTime() - sent)));
    }
    Future.join(all).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long promoted = app.services().pool().query("SELECT count(*) FROM outbox WHERE kind = 'booking_promoted'")
        .execute().await().iterator().next().getLong(0);
    return String.format("cancellations: %d at once with the waiting lists full, %.1f s, %d classes promoted%n  %s",
        managePaths.size(), seconds, promoted, latencyLine(latencies));
  }

  private static String latencyLine(List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return String.format("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f", percentile(sorted, 50),
        percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
  }

  private static String managePath(JsonObject booking) {
    String url = booking.getString("manage_url");
    return "/api/bookings/" + url.substring(url.lastIndexOf('/') + 1);
  }

  private static String outcome(HttpResponse<Buffer> response, Throwable failure) {
    if (failure != null) {
      return "transport error";
    }
    if (response.statusCode() == 201) {
      return response.bodyAsJsonObject().getString("status");
    }
    return response.statusCode() + " " + response.bodyAsJsonObject().getString("code");
  }

  private static JsonObject booking(Random random, String id) {
    String[] window = WINDOWS[random.nextInt(WINDOWS.length)];
    int pupils = 16 + random.nextInt(11);
    return new JsonObject()
        .put("school", new JsonObject().put("name", "Collège " + id).put("uai", String.format("%07dB", random.nextInt(200)))
            .put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "Prof " + id).put("email", id + "@ac-bordeaux.fr"))
        .put("class", new JsonObject().put("name", "3e " + id).put("level", "3e"))
        .put("pupils", pupils).put("adults", 2 + random.nextInt(2))
        .put("track", TRACKS.get(random.nextInt(TRACKS.size())))
        .put("arrival", window[0]).put("departure", window[1]);
  }

  private static String invariants(Application app) {
    var pool = app.services().pool();
    long overCapacity = pool.query("SELECT count(*) FROM sessions WHERE booked > capacity").execute()
        .await().iterator().next().getLong(0);
    long drift = pool.query("SELECT count(*) FROM sessions s WHERE s.booked <> (SELECT coalesce(sum(h.people), 0) "
        + "FROM held_places h WHERE h.session_id = s.id)").execute().await().iterator().next().getLong(0);
    return "invariants: sessions over capacity = " + overCapacity + ", sessions whose count drifts from held places = " + drift;
  }

  private static String header(int requests, int concurrency) {
    return "# BookingRush " + LocalDateTime.now() + " on " + Runtime.getRuntime().availableProcessors()
        + " cores, java " + System.getProperty("java.version") + "\n";
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
