package fr.parcours.live;

import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The live availability streams of one server instance, shared by all its HTTP verticles: one
 * {@link FairStream} per fair someone watches, refreshed when {@link LiveChanges#ADDRESS} tells
 * of a change of that fair, whichever instance made it. Bounded: past {@code maxStreams} open
 * streams a new one is refused (503), so a crowd of idle pages cannot exhaust the instance.
 */
public final class AvailabilityStreams {

  static final long RETRY_MS = 3000;
  static final long HEARTBEAT_MS = 15_000;

  private final Vertx vertx;
  private final Function<String, Future<JsonObject>> read;
  private final int maxStreams;
  private final Map<Long, FairStream> fairs = new HashMap<>();
  private int open;
  private long heartbeatTimer = -1;

  /** {@code read} gives a fair's availability document by slug, as {@code GET …/availability} answers it. */
  public AvailabilityStreams(Vertx vertx, Function<String, Future<JsonObject>> read, int maxStreams) {
    this.vertx = vertx;
    this.read = read;
    this.maxStreams = maxStreams;
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> changed(Change.of(message.body())));
  }

  /**
   * Turns {@code response} into an event stream of the fair's availability until the client
   * leaves or the server shuts down; a 503 when the instance holds its maximum already.
   */
  public void open(long fairId, String fairSlug, HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (!reserve()) {
      response.putHeader("Retry-After", String.valueOf(RETRY_MS / 1000));
      throw new AppException(AppException.Kind.UNAVAILABLE, "TOO_MANY_STREAMS",
          "This server follows as many live pages as it can; try again shortly", List.of());
    }
    EventStream client = EventStream.open(response, RETRY_MS);
    FairStream fair;
    synchronized (this) {
      fair = fairs.computeIfAbsent(fairId, id -> new FairStream(fairSlug, read));
    }
    response.closeHandler(closed -> leave(fairId, fair, client));
    response.endHandler(ended -> leave(fairId, fair, client));
    // A server going down ends its streams at once; browsers then reconnect to another instance.
    request.connection().shutdownHandler(down -> client.end());
    fair.join(client);
  }

  private synchronized boolean reserve() {
    if (open >= maxStreams) {
      return false;
    }
    open++;
    if (heartbeatTimer < 0) {
      heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, timer -> everyClient().forEach(EventStream::heartbeat));
    }
    return true;
  }

  private synchronized void leave(long fairId, FairStream fair, EventStream client) {
    if (!client.markGone()) {
      return;
    }
    open--;
    if (!fair.leave(client)) {
      fairs.remove(fairId, fair);
    }
    if (open == 0 && heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private void changed(Change change) {
    // Stars and stand reservations leave every session's places as they were.
    if (change.kind() == Change.Kind.SELECTION || change.kind() == Change.Kind.STANDS) {
      return;
    }
    List<FairStream> concerned;
    synchronized (this) {
      concerned = fairs.entrySet().stream().filter(e -> change.concerns(e.getKey())).map(Map.Entry::getValue).toList();
    }
    concerned.forEach(FairStream::refresh);
  }

  private synchronized List<EventStream> everyClient() {
    return fairs.values().stream().flatMap(fair -> fair.clients().stream()).toList();
  }
}
