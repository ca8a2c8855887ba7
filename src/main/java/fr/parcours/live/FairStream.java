package fr.parcours.live;

import fr.parcours.live.EventStream.Revision;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The clients of one fair on this instance and the fair's last availability. A change burst
 * costs one read, whatever the number of clients; a change heard while a read is under way
 * asks for one more read after it, never a second one at the same time. Each read that moves
 * numbers becomes one {@link Revision}: the whole document (for newcomers and for clients that
 * missed one) and the {@link AvailabilityDelta} of what moved, each encoded once for all.
 */
final class FairStream {

  /** The event holding the whole availability document: on connect, and when a delta cannot say it. */
  static final String EVENT = "availability";
  /** The event holding what changed since the client's last event ({@link AvailabilityDelta}). */
  static final String CHANGES = "changes";
  private static final Logger LOG = LoggerFactory.getLogger(FairStream.class);

  private final String fairSlug;
  private final Function<String, Future<JsonObject>> read;
  /**
   * By event loop: an update is one task per loop writing to its streams, not one per stream
   * (10,000 streams, 2 loops: 2 tasks).
   */
  private final Map<Context, Set<EventStream>> clients = new HashMap<>();
  private int count;
  /** The last availability read, and its revision. */
  private JsonObject document;
  private Revision current;
  private boolean reading;
  private boolean readAgain;

  FairStream(String fairSlug, Function<String, Future<JsonObject>> read) {
    this.fairSlug = fairSlug;
    this.read = read;
  }

  /** Sends the newcomer the numbers already known, or has it wait for the read that gives them. */
  synchronized void join(EventStream client) {
    clients.computeIfAbsent(client.context(), loop -> new HashSet<>()).add(client);
    count++;
    if (current != null) {
      Revision now = current;
      client.context().runOnContext(v -> client.write(now));
    } else if (!reading) {
      refresh();
    }
  }

  /** Whether clients are left. */
  synchronized boolean leave(EventStream client) {
    Set<EventStream> loop = clients.get(client.context());
    if (loop != null && loop.remove(client)) {
      count--;
      if (loop.isEmpty()) {
        clients.remove(client.context());
      }
    }
    return count > 0;
  }

  synchronized void refresh() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    read.apply(fairSlug).onComplete(result -> {
      if (result.succeeded()) {
        publish(result.result());
      } else {
        LOG.warn("Cannot read the availability of {}: {}", fairSlug, result.cause().getMessage());
      }
      readDone();
    });
  }

  /** A comment line to every client, one task per event loop. */
  void heartbeat() {
    each(EventStream::beat);
  }

  private void publish(JsonObject read) {
    Revision revision;
    synchronized (this) {
      JsonObject delta = document == null ? null : AvailabilityDelta.between(document, read);
      // A change elsewhere in the fair (a booking's email, another track's waiting list…) may
      // leave the numbers as they were: nothing to send.
      if (delta != null && AvailabilityDelta.empty(delta)) {
        return;
      }
      document = read;
      long version = current == null ? 1 : current.version() + 1;
      revision = new Revision(version, EventStream.Event.of(EVENT, read.encode()).bytes(),
          delta == null ? null : EventStream.Event.of(CHANGES, delta.encode()).bytes());
      current = revision;
    }
    each(client -> client.write(revision));
  }

  /** Runs {@code action} for every client on its own event loop, one task per loop. */
  private void each(Consumer<EventStream> action) {
    List<Map.Entry<Context, List<EventStream>>> loops = new ArrayList<>();
    synchronized (this) {
      clients.forEach((loop, streams) -> loops.add(Map.entry(loop, List.copyOf(streams))));
    }
    loops.forEach(loop -> loop.getKey().runOnContext(v -> loop.getValue().forEach(action)));
  }

  private synchronized void readDone() {
    reading = false;
    if (readAgain) {
      readAgain = false;
      refresh();
    }
  }
}
