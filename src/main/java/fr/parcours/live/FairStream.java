package fr.parcours.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The clients of one fair on this instance and the fair's last availability. A change burst
 * costs one read, whatever the number of clients; a change heard while a read is under way
 * asks for one more read after it, never a second one at the same time.
 */
final class FairStream {

  static final String EVENT = "availability";
  private static final Logger LOG = LoggerFactory.getLogger(FairStream.class);

  private final String fairSlug;
  private final Function<String, Future<JsonObject>> read;
  private final Set<EventStream> clients = new HashSet<>();
  /** The last availability read, encoded once for all the fair's clients. */
  private EventStream.Event current;
  private boolean reading;
  private boolean readAgain;

  FairStream(String fairSlug, Function<String, Future<JsonObject>> read) {
    this.fairSlug = fairSlug;
    this.read = read;
  }

  /** Sends the newcomer the numbers already known, or has it wait for the read that gives them. */
  synchronized void join(EventStream client) {
    clients.add(client);
    if (current != null) {
      client.send(current);
    } else if (!reading) {
      refresh();
    }
  }

  /** Whether clients are left. */
  synchronized boolean leave(EventStream client) {
    clients.remove(client);
    return !clients.isEmpty();
  }

  synchronized void refresh() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    read.apply(fairSlug).onComplete(result -> {
      if (result.succeeded()) {
        publish(result.result().encode());
      } else {
        LOG.warn("Cannot read the availability of {}: {}", fairSlug, result.cause().getMessage());
      }
      readDone();
    });
  }

  synchronized List<EventStream> clients() {
    return List.copyOf(clients);
  }

  private void publish(String data) {
    List<EventStream> listening;
    EventStream.Event event;
    synchronized (this) {
      // A change elsewhere in the fair (a booking's email, another track's waiting list…) may
      // leave the numbers as they were: nothing to send.
      if (current != null && current.data().equals(data)) {
        return;
      }
      event = EventStream.Event.of(EVENT, data);
      current = event;
      listening = List.copyOf(clients);
    }
    listening.forEach(client -> client.send(event));
  }

  private synchronized void readDone() {
    reading = false;
    if (readAgain) {
      readAgain = false;
      refresh();
    }
  }
}
