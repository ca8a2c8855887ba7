package fr.parcours.live;

import fr.parcours.error.AppException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisers' dashboards of the day on this instance: each is told, as an event
 * {@value #EVENT}, that a fair's arrivals or places changed (whichever instance made the
 * change), and reads its own figures again. Unlike the public availability streams nothing is
 * read here: dashboards are few (a fair's team), and each shows its own cut-off and slots.
 */
public final class DayStreams {

  static final String EVENT = "day";

  private final Vertx vertx;
  private final int maxStreams;
  private final Map<Long, Set<EventStream>> fairs = new HashMap<>();
  private int open;
  private long changes;
  private long heartbeatTimer = -1;

  public DayStreams(Vertx vertx, int maxStreams) {
    this.vertx = vertx;
    this.maxStreams = maxStreams;
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> changed(Change.of(message.body())));
  }

  /** Turns the request's response into the fair's stream of changes; a 503 past {@code maxStreams}. */
  public void open(long fairId, HttpServerRequest request) {
    EventStream client;
    synchronized (this) {
      if (open >= maxStreams) {
        request.response().putHeader("Retry-After", String.valueOf(AvailabilityStreams.RETRY_MS / 1000));
        throw new AppException(AppException.Kind.UNAVAILABLE, "TOO_MANY_STREAMS", Map.of("max", maxStreams), List.of());
      }
      open++;
      client = new EventStream(request.response());
      fairs.computeIfAbsent(fairId, id -> new HashSet<>()).add(client);
      if (heartbeatTimer < 0) {
        heartbeatTimer = vertx.setPeriodic(AvailabilityStreams.HEARTBEAT_MS, timer -> everyClient()
            .forEach(EventStream::heartbeat));
      }
    }
    request.response().closeHandler(closed -> leave(fairId, client));
    request.response().endHandler(ended -> leave(fairId, client));
    if (request.response().closed()) {
      leave(fairId, client);
      return;
    }
    client.start(AvailabilityStreams.RETRY_MS);
    request.connection().shutdownHandler(down -> client.end());
  }

  private synchronized void leave(long fairId, EventStream client) {
    if (!client.markGone()) {
      return;
    }
    open--;
    Set<EventStream> clients = fairs.get(fairId);
    if (clients != null && clients.remove(client) && clients.isEmpty()) {
      fairs.remove(fairId);
    }
    if (open == 0 && heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private void changed(Change change) {
    if (change.kind() == Change.Kind.SELECTION || change.kind() == Change.Kind.STANDS) {
      return;
    }
    List<EventStream> concerned;
    String data;
    synchronized (this) {
      // Each change its own data: a stream sends nothing that equals what it sent last.
      data = new JsonObject().put("change", ++changes).put("kind", change.kind().label()).encode();
      concerned = fairs.entrySet().stream().filter(e -> change.concerns(e.getKey()))
          .flatMap(e -> e.getValue().stream()).toList();
    }
    concerned.forEach(client -> client.send(EVENT, data));
  }

  private synchronized List<EventStream> everyClient() {
    return fairs.values().stream().flatMap(Set::stream).toList();
  }

  /** Streams open on this instance (for tests). */
  synchronized int openStreams() {
    return open;
  }
}
