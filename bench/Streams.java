import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many live availability streams from one process (bench/streams.sh): opens {@code --streams}
 * server-sent event streams of one fair, {@code --opening} at a time, then books {@code --updates}
 * classes one after another and times, for each, how long from the moment the booking is sent
 * until each stream hears the next availability event. Reports
 * the server's RSS (from /proc) before the streams, once they are open, and after the updates,
 * and the delays' p50/p99/max. The client shares the machine with the server: its own reading
 * of 10,000 sockets is part of the delay measured.
 *
 * Usage: Streams HOST:PORT FAIR_SLUG SERVER_PID STREAMS UPDATES OPENING OUT.md
 */
public final class Streams {

  /** Any event: the whole availability on connect, then each change (a delta, or the whole again). */
  private static final byte[] EVENT = "\nevent: ".getBytes(StandardCharsets.US_ASCII);

  /** One stream: the availability events it heard, and when it heard the latest (System.nanoTime). */
  static final class Listener {
    volatile int events;
    volatile long lastHeard;
    private final byte[] carry = new byte[EVENT.length - 1];
    private int carried;

    /** Counts the events in {@code chunk}, one split across two chunks included. */
    void read(Buffer chunk) {
      byte[] bytes = chunk.getBytes();
      byte[] text = new byte[carried + bytes.length];
      System.arraycopy(carry, 0, text, 0, carried);
      System.arraycopy(bytes, 0, text, carried, bytes.length);
      int found = 0;
      for (int i = 0; i + EVENT.length <= text.length; i++) {
        if (text[i] == '\n' && Arrays.equals(text, i, i + EVENT.length, EVENT, 0, EVENT.length)) {
          found++;
        }
      }
      carried = Math.min(carry.length, text.length);
      System.arraycopy(text, text.length - carried, carry, 0, carried);
      if (found > 0) {
        lastHeard = System.nanoTime();
        events += found;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String[] hostPort = args[0].split(":");
    String fair = args[1];
    long serverPid = Long.parseLong(args[2]);
    int streams = Integer.parseInt(args[3]);
    int updates = Integer.parseInt(args[4]);
    int opening = Integer.parseInt(args[5]);
    Path out = Path.of(args[6]);
    Vertx vertx = Vertx.vertx();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(hostPort[0])
            .setDefaultPort(Integer.parseInt(hostPort[1])).setKeepAlive(true).setIdleTimeout(0),
        new PoolOptions().setHttp1MaxSize(streams + 10).setMaxWaitQueueSize(-1));
    WebClient api = WebClient.create(vertx, new WebClientOptions().setDefaultHost(hostPort[0])
        .setDefaultPort(Integer.parseInt(hostPort[1])));

    long rssBefore = rssKb(serverPid);
    List<Listener> listeners = new ArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    long openBegan = System.nanoTime();
    await(openAll(vertx, http, "/api/fairs/" + fair + "/availability/events", streams, opening, listeners, refused));
    waitUntil(listeners, 1, TimeUnit.SECONDS.toNanos(60));
    double openSeconds = (System.nanoTime() - openBegan) / 1e9;
    System.gc();
    Thread.sleep(2000);
    long rssOpen = rssKb(serverPid);

    List<double[]> perUpdate = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    int missed = 0;
    for (int update = 1; update <= updates; update++) {
      long sent = System.nanoTime();
      var answer = await(api.post("/api/fairs/" + fair + "/bookings").putHeader("Idempotency-Key", "streams-" + sent)
          .sendJsonObject(booking(update)));
      int status = answer.statusCode();
      if (status != 201) {
        System.out.println("booking refused: " + status + " " + answer.bodyAsString());
      }
      long answered = System.nanoTime();
      int expected = 1 + update;
      waitUntil(listeners, expected, TimeUnit.SECONDS.toNanos(10));
      double[] delays = listeners.stream().filter(l -> l.events >= expected)
          .mapToDouble(l -> (l.lastHeard - sent) / 1e6).sorted().toArray();
      missed += listeners.size() - delays.length;
      for (double d : delays) {
        all.add(d);
      }
      perUpdate.add(new double[] {status, (answered - sent) / 1e6, pct(delays, 50), pct(delays, 99), pct(delays, 100),
          listeners.size() - delays.length});
      Thread.sleep(1500);
    }
    long rssAfter = rssKb(serverPid);
    double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();

    StringBuilder md = new StringBuilder();
    md.append("| streams asked | open | refused | opening s | server RSS before MB | RSS with streams open MB | per stream KB | RSS after updates MB |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    md.append(String.format("| %d | %d | %d | %.1f | %.0f | %.0f | %.1f | %.0f |%n", streams, listeners.size(), refused.get(),
        openSeconds, rssBefore / 1024.0, rssOpen / 1024.0,
        listeners.isEmpty() ? 0 : (rssOpen - rssBefore) / (double) listeners.size(), rssAfter / 1024.0));
    md.append("\n| update | booking status | booking answered ms | to streams p50 ms | p99 ms | max ms | streams that missed it |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < perUpdate.size(); i++) {
      double[] u = perUpdate.get(i);
      md.append(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", i + 1, u[0], u[1], u[2], u[3], u[4], u[5]));
    }
    md.append(String.format("| all | | | %.0f | %.0f | %.0f | %d |%n", pct(sorted, 50), pct(sorted, 99), pct(sorted, 100), missed));
    Files.writeString(out, md.toString());
    System.out.print(md);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Opens {@code count} streams, {@code opening} at a time (a crowd, not one SYN flood). */
  private static Future<Void> openAll(Vertx vertx, HttpClient http, String path, int count, int opening,
                                      List<Listener> listeners, AtomicInteger refused) {
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < opening; lane++) {
      lanes.add(openNext(http, path, count, next, listeners, refused));
    }
    return Future.join(lanes).mapEmpty();
  }

  private static Future<Void> openNext(HttpClient http, String path, int count, AtomicInteger next,
                                       List<Listener> listeners, AtomicInteger refused) {
    if (next.getAndIncrement() >= count) {
      return Future.succeededFuture();
    }
    Listener listener = new Listener();
    Promise<Void> heard = Promise.promise();
    http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).putHeader("Accept", "text/event-stream"))
        .compose(request -> request.send())
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            refused.incrementAndGet();
            response.body().onComplete(done -> heard.tryComplete());
            return;
          }
          synchronized (listeners) {
            listeners.add(listener);
          }
          response.handler(chunk -> {
            listener.read(chunk);
            if (listener.events > 0) {
              heard.tryComplete();
            }
          });
        })
        .onFailure(failure -> {
          refused.incrementAndGet();
          heard.tryComplete();
        });
    return heard.future().compose(done -> openNext(http, path, count, next, listeners, refused));
  }

  /** A class of the demo fair, a different school each time. */
  private static JsonObject booking(int n) {
    String[] tracks = {"s-orienter", "se-connaitre", "s-engager", "preserver-la-planete"};
    return new JsonObject()
        .put("school", new JsonObject().put("name", "Collège Bench " + n).put("uai", String.format("%07dS", n))
            .put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "M. Bench").put("email", "bench" + n + "@example.org"))
        .put("class", new JsonObject().put("name", "3e " + n).put("level", "3e"))
        .put("pupils", 20).put("adults", 2).put("track", tracks[n % tracks.length])
        .put("arrival", "09:00").put("departure", "12:00");
  }

  private static void waitUntil(List<Listener> listeners, int events, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (System.nanoTime() < deadline) {
      boolean all;
      synchronized (listeners) {
        all = listeners.stream().allMatch(l -> l.events >= events);
      }
      if (all) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
