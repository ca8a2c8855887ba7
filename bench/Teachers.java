import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Teachers booking through the HTTP API, as bench/BookingRush and bench/FaultSuite send them:
 * {@code concurrency} at once, each posting its class's booking with its own Idempotency-Key
 * (some twice at the same moment: a double click), spread round robin over the instances.
 */
final class Teachers {

  /** One teacher's booking: its key, its body, and whether it is sent twice at once. */
  record Teacher(int index, String key, JsonObject body, boolean twice) {
  }

  private final Vertx vertx;
  private final List<WebClient> servers = new ArrayList<>();
  private final AtomicInteger nextServer = new AtomicInteger();

  /** {@code servers}: {@code host:port} of each instance. */
  Teachers(Vertx vertx, List<String> servers, int connectionsPerServer) {
    this.vertx = vertx;
    for (String server : servers) {
      String[] hostPort = server.split(":");
      this.servers.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost(hostPort[0])
          .setDefaultPort(Integer.parseInt(hostPort[1])).setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connectionsPerServer)));
    }
  }

  /** The next instance, round robin (for other requests of the bench: cancellations, feeds). */
  WebClient server() {
    return servers.get(Math.floorMod(nextServer.getAndIncrement(), servers.size()));
  }

  /**
   * {@code concurrency} lanes; each takes the next teacher ({@code teacher} answers null when
   * there are no more) and {@code book}s it, then the next. Completes when every lane is done.
   */
  Future<Void> rush(int concurrency, IntFunction<Teacher> teacher, Function<Teacher, Future<?>> book) {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> lanes = new ArrayList<>();
    for (int lane = 0; lane < concurrency; lane++) {
      lanes.add(lane(next, teacher, book));
    }
    return Future.join(lanes).mapEmpty();
  }

  private Future<Void> lane(AtomicInteger next, IntFunction<Teacher> teacher, Function<Teacher, Future<?>> book) {
    Teacher current = teacher.apply(next.getAndIncrement());
    if (current == null) {
      return Future.succeededFuture();
    }
    return book.apply(current).<Void>mapEmpty().recover(failed -> Future.succeededFuture())
        .compose(done -> lane(next, teacher, book));
  }

  /** Sends the teacher's booking with {@code send}, twice at once when it double-clicks; answers the first. */
  static Future<HttpResponse<Buffer>> onceOrTwice(Teacher teacher,
                                                  Function<Teacher, Future<HttpResponse<Buffer>>> send) {
    Future<HttpResponse<Buffer>> first = send.apply(teacher);
    return teacher.twice() ? Future.all(first, send.apply(teacher)).map(both -> first.result()) : first;
  }

  /** Posts the booking once, to the next instance. */
  Future<HttpResponse<Buffer>> post(String fairSlug, Teacher teacher) {
    return request(fairSlug, teacher).sendJsonObject(teacher.body());
  }

  private HttpRequest<Buffer> request(String fairSlug, Teacher teacher) {
    return server().post("/api/fairs/" + fairSlug + "/bookings").putHeader("Idempotency-Key", teacher.key());
  }

  /** What a patient teacher meets while retrying. */
  interface Retrying {
    /** Called for every attempt that got no answer ({@code response} null) or a 5xx. */
    void failed(HttpResponse<Buffer> response);
  }

  /**
   * Posts the booking until it is answered (below 500), with the same key, each attempt to the
   * next instance after half a second (an instance down is skipped at once by a balancer; the
   * key makes a retry of a booking that went through replay it). Gives up after {@code patienceSeconds}
   * with the last failure (null response) as the answer.
   */
  Future<HttpResponse<Buffer>> postUntilAnswered(String fairSlug, Teacher teacher, int patienceSeconds,
                                                 Retrying retrying) {
    return attempt(fairSlug, teacher, System.nanoTime() + TimeUnit.SECONDS.toNanos(patienceSeconds), retrying);
  }

  private Future<HttpResponse<Buffer>> attempt(String fairSlug, Teacher teacher, long deadline, Retrying retrying) {
    return request(fairSlug, teacher).timeout(5000).sendJsonObject(teacher.body())
        .transform(done -> {
          HttpResponse<Buffer> response = done.succeeded() ? done.result() : null;
          if (response != null && response.statusCode() < 500) {
            return Future.succeededFuture(response);
          }
          retrying.failed(response);
          if (System.nanoTime() > deadline) {
            return Future.succeededFuture();
          }
          Promise<HttpResponse<Buffer>> later = Promise.promise();
          vertx.setTimer(500, t -> attempt(fairSlug, teacher, deadline, retrying).onComplete(later));
          return later.future();
        });
  }
}
