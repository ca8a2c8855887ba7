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
  private final int maxPerClient;
  private final Map<Long, FairStream> fairs = new HashMap<>();
  private final Map<String, Integer> perClient = new HashMap<>();
  private int open;
  private long heartbeatTimer = -1;

  /** {@code read} gives a fair's availability document by slug, as {@code GET …/availability} answers it. */
  public AvailabilityStreams(Vertx vertx, Function<String, Future<JsonObject>> read, int maxStreams,
                             int maxPerClient) {
    this.vertx = vertx;
    this.read = read;
    this.maxStreams = maxStreams;
    this.maxPerClient = maxPerClient;
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> changed(Change.of(message.body())));
  }

  /**
   * Turns {@code response} into an event stream of the fair's availability until the client
   * leaves or the server shuts down; a 503 when the instance holds its maximum already, a 429
   * when this client address holds its own.
   */
  public void open(long fairId, String fairSlug, HttpServerRequest request, String clientAddress) {
    HttpServerResponse response = request.response();
    String refused = reserve(clientAddress);
    if (refused != null) {
      response.putHeader("Retry-After", String.valueOf(RETRY_MS / 1000));
      throw refused.equals("client")
          ? new AppException(AppException.Kind.TOO_MANY, "TOO_MANY_STREAMS_FOR_CLIENT", Map.of("max", maxPerClient),
              List.of())
          : new AppException(AppException.Kind.UNAVAILABLE, "TOO_MANY_STREAMS", Map.of("max", maxStreams), List.of());
    }
    EventStream client = new EventStream(response);
    FairStream fair;
    synchronized (this) {
      fair = fairs.computeIfAbsent(fairId, id -> new FairStream(fairSlug, read));
    }
    response.closeHandler(closed -> leave(fairId, fair, client, clientAddress));
    response.endHandler(ended -> leave(fairId, fair, client, clientAddress));
    // The client may have left while the fair was read, before these handlers were set: its
    // close was told to no one, and its place must be given back now or never.
    if (response.closed()) {
      leave(fairId, fair, client, clientAddress);
      return;
    }
    client.start(RETRY_MS);
    // A server going down ends its streams at once; browsers then reconnect to another instance.
    request.connection().shutdownHandler(down -> client.end());
    fair.join(client);
  }

  /** Takes a place, or says which bound refuses it ("client" or "instance"). */
  private synchronized String reserve(String clientAddress) {
    if (open >= maxStreams) {
      return "instance";
    }
    if (perClient.getOrDefault(clientAddress, 0) >= maxPerClient) {
      return "client";
    }
    open++;
    perClient.merge(clientAddress, 1, Integer::sum);
    if (heartbeatTimer < 0) {
      heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, timer -> watched().forEach(FairStream::heartbeat));
    }
    return null;
  }

  private synchronized void leave(long fairId, FairStream fair, EventStream client, String clientAddress) {
    if (!client.markGone()) {
      return;
    }
    open--;
    perClient.computeIfPresent(clientAddress, (address, count) -> count > 1 ? count - 1 : null);
    if (!fair.leave(client)) {
      fairs.remove(fairId, fair);
    }
    if (open == 0 && heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private void changed(Change change) {
    // Stars, stand reservations and the day's arrivals leave every session's places as they were.
    if (change.kind() == Change.Kind.SELECTION || change.kind() == Change.Kind.STANDS
        || change.kind() == Change.Kind.ARRIVALS) {
      return;
    }
    List<FairStream> concerned;
    synchronized (this) {
      concerned = fairs.entrySet().stream().filter(e -> change.concerns(e.getKey())).map(Map.Entry::getValue).toList();
    }
    concerned.forEach(FairStream::refresh);
  }

  private synchronized List<FairStream> watched() {
    return List.copyOf(fairs.values());
  }

  /** Streams open on this instance: the places taken, which tests check are all given back. */
  synchronized int openStreams() {
    return open;
  }
}
