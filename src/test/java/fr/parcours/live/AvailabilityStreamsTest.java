package fr.parcours.live;

import fr.parcours.support.EventStreamClient;
import fr.parcours.support.Poll;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The streams of one instance share their reads: clients of a fair cost one read per change,
 * however many they are, and changes heard during a read cost one more read after it.
 */
@ExtendWith(VertxExtension.class)
class AvailabilityStreamsTest {

  private static final long FAIR = 7;
  private static final Duration SOON = Duration.ofSeconds(5);

  private final List<Read> reads = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private Vertx vertx;

  @BeforeEach
  void serveStreams(Vertx vertx) {
    this.vertx = vertx;
    AvailabilityStreams streams = new AvailabilityStreams(vertx, this::read, 10);
    server = await(vertx.createHttpServer()
        .requestHandler(request -> streams.open(FAIR, "salon", request)).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    await(server.close());
  }

  @Test
  void threeClientsShareEachRead() {
    List<EventStreamClient> clients = IntStream.range(0, 3).mapToObj(i -> open()).toList();
    answer(0, 1);
    clients.forEach(client -> assertEquals(1, client.next(0, SOON).json().getInteger("left")));
    assertEquals(1, reads.size(), "one read for three clients joining");

    changed();
    answer(1, 2);
    clients.forEach(client -> assertEquals(2, client.next(1, SOON).json().getInteger("left")));
    assertEquals(2, reads.size(), "one read per change, not one per client");
    clients.forEach(EventStreamClient::close);
  }

  @Test
  void changesHeardDuringAReadCostOneMoreReadAfterIt() {
    EventStreamClient client = open();
    answer(0, 1);
    client.next(0, SOON);
    for (int i = 0; i < 5; i++) {
      changed();
    }
    answer(1, 2);
    answer(2, 3);
    assertEquals(3, client.next(2, SOON).json().getInteger("left"));
    assertEquals(3, reads.size(), "the first read, one for the change, one for those heard during it");
    client.close();
  }

  /** A read the streams asked for, answered by the test on the streams' own event loop. */
  private record Read(Context context, Promise<JsonObject> answer) {
  }

  private Future<JsonObject> read(String fairSlug) {
    Read read = new Read(Vertx.currentContext(), Promise.promise());
    reads.add(read);
    return read.answer().future();
  }

  /**
   * Completes read number {@code index} (waiting for it to be asked) with {@code left} places,
   * on the event loop that asked for it: after the changes already published to it, as a
   * database answer would arrive, never from the test's thread in the middle of them.
   */
  private void answer(int index, int left) {
    Poll.until(SOON, reads::size, size -> size > index);
    Read read = reads.get(index);
    read.context().runOnContext(v -> read.answer().complete(new JsonObject().put("left", left)));
  }

  private void changed() {
    vertx.eventBus().publish(LiveChanges.ADDRESS, new Change(FAIR, Change.Kind.AVAILABILITY).toJson());
  }

  private EventStreamClient open() {
    return EventStreamClient.open(vertx, server.actualPort(), "/");
  }
}
