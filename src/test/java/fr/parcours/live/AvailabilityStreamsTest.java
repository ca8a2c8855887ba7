package fr.parcours.live;

import fr.parcours.support.EventStreamClient;
import fr.parcours.support.Poll;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import fr.parcours.error.AppException;
import fr.parcours.web.ErrorHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  private AvailabilityStreams streams;

  @BeforeEach
  void serveStreams(Vertx vertx) {
    this.vertx = vertx;
    streams = new AvailabilityStreams(vertx, this::read, 10, 3);
    server = await(vertx.createHttpServer().requestHandler(request -> {
      if (request.path().equals("/late")) {
        // The fair's read outlasts the client: it has gone when the stream opens.
        request.connection().closeHandler(closed -> open(request));
      } else {
        open(request);
      }
    }).listen(0, "127.0.0.1"));
  }

  private void open(HttpServerRequest request) {
    try {
      streams.open(FAIR, "salon", request, "192.0.2.1");
    } catch (AppException refused) {
      request.response().setStatusCode(ErrorHandler.status(refused.kind())).end(refused.code());
    }
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

  @Test
  void aClientThatLeavesWhileItsStreamOpensGivesItsPlaceBack() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
        socket.getOutputStream().write("GET /late HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    Poll.until(SOON, () -> reads.size() + streams.openStreams(), total -> total == 0);
    List<EventStreamClient> clients = IntStream.range(0, 3).mapToObj(i -> open()).toList();
    answer(0, 1);
    clients.forEach(client -> assertEquals(1, client.next(0, SOON).json().getInteger("left")));
    assertEquals(3, streams.openStreams(), "the twenty that left hold no place");
    clients.forEach(EventStreamClient::close);
    Poll.until(SOON, streams::openStreams, open -> open == 0);
  }

  @Test
  void oneClientAddressHoldsAtMostItsShare() {
    List<EventStreamClient> clients = IntStream.range(0, 3).mapToObj(i -> open()).toList();
    answer(0, 1);
    clients.forEach(client -> assertEquals(1, client.next(0, SOON).json().getInteger("left")));
    HttpResponse<Buffer> refused = await(WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/").send());
    assertEquals(429, refused.statusCode());
    assertEquals("TOO_MANY_STREAMS_FOR_CLIENT", refused.bodyAsString());
    assertEquals("3", refused.getHeader("Retry-After"));
    clients.forEach(EventStreamClient::close);
  }

  @Test
  void aClientThatReadsSlowlyGetsTheLatestNumbersNotAQueueOfThem() throws Exception {
    try (Socket socket = slowReader()) {
      String padding = "p".repeat(500_000);
      int changes = 40;
      for (int i = 0; i < changes; i++) {
        if (i > 0) {
          changed();
        }
        int left = i;
        Poll.until(SOON, reads::size, size -> size > left);
        Read read = reads.get(i);
        read.context().runOnContext(v -> read.answer().complete(new JsonObject().put("left", left).put("pad", padding)));
      }
      String last = "\"left\":" + (changes - 1) + ",";
      String seen = readUntil(socket, read -> read.indexOf(last) >= 0);
      int events = seen.split("event: availability", -1).length - 1;
      assertTrue(events < changes, events + " events for " + changes + " changes: none was dropped for a newer one");
    }
  }

  @Test
  void afterTheWholeDocumentClientsGetOnlyWhatMovedAndANewcomerTheWhole() {
    List<EventStreamClient> clients = IntStream.range(0, 2).mapToObj(i -> open()).toList();
    answer(0, places(60, 60));
    clients.forEach(client -> assertEquals(places(60, 60), client.next(0, SOON).json()));
    changed();
    answer(1, places(33, 60));
    JsonObject moved = new JsonObject().put("sessions", new JsonArray()
        .add(new JsonObject().put("id", 1).put("left", 33))).put("tracks", new JsonArray());
    clients.forEach(client -> {
      EventStreamClient.Event change = client.next(1, SOON);
      assertEquals("changes", change.name());
      assertEquals(moved, change.json());
    });
    try (EventStreamClient newcomer = open()) {
      EventStreamClient.Event first = newcomer.next(0, SOON);
      assertEquals("availability", first.name());
      assertEquals(places(33, 60), first.json());
    }
    clients.forEach(EventStreamClient::close);
  }

  @Test
  void aSlowClientThatMissedAChangeGetsTheWholeDocumentNeverAChangeOnNumbersItLacks() throws Exception {
    try (Socket socket = slowReader()) {
      int changes = 40;
      JsonObject last = null;
      for (int i = 0; i < changes; i++) {
        if (i > 0) {
          changed();
        }
        // The first session moves at each change (with a big title, so the queue fills), the
        // second once in ten: a change lost on the way would leave it behind.
        last = places(i, i / 10);
        last.getJsonArray("sessions").getJsonObject(0).put("title", i + "p".repeat(200_000));
        answer(i, last);
      }
      String latest = "\"title\":\"" + (changes - 1) + "p";
      String seen = readUntil(socket, read -> read.indexOf(latest) >= 0 && read.indexOf("\n\n", read.indexOf(latest)) >= 0);
      // The chunked body without its chunk sizes.
      String body = "\r\n" + seen.substring(seen.indexOf("\r\n\r\n") + 4);
      List<EventStreamClient.Event> events = EventStreamClient.events(body.replaceAll("\r\n[0-9a-f]+\r\n", ""));
      JsonObject shown = null;
      for (EventStreamClient.Event event : events) {
        shown = event.name().equals("availability") ? event.json() : AvailabilityDeltaTest.applied(shown, event.json());
      }
      assertEquals(last, shown);
      assertTrue(events.size() < changes, events.size() + " events for " + changes + " changes: none was dropped");
      assertTrue(events.stream().skip(1).anyMatch(event -> event.name().equals("availability")),
          "a client that missed a change is sent the whole document");
    }
  }

  /** A stream opened on a socket with a small receive buffer, so the server's write queue fills while it is not read. */
  private Socket slowReader() throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** Reads the response until {@code done} holds for what was read (10 s at most between reads). */
  private static String readUntil(Socket socket, Predicate<StringBuilder> done) throws IOException {
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[65536];
    while (!done.test(seen)) {
      int n = in.read(buffer);
      assertTrue(n > 0, "the stream ended before the latest numbers");
      seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
    return seen.toString();
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
    answer(index, new JsonObject().put("left", left));
  }

  private void answer(int index, JsonObject document) {
    Poll.until(SOON, reads::size, size -> size > index);
    Read read = reads.get(index);
    read.context().runOnContext(v -> read.answer().complete(document));
  }

  /** A fair's availability in the shape the streams diff: two sessions, their places left. */
  private static JsonObject places(int first, int second) {
    return new JsonObject().put("fair", "salon")
        .put("sessions", new JsonArray().add(new JsonObject().put("id", 1).put("left", first))
            .add(new JsonObject().put("id", 2).put("left", second)))
        .put("tracks", new JsonArray());
  }

  private void changed() {
    vertx.eventBus().publish(LiveChanges.ADDRESS, new Change(FAIR, Change.Kind.AVAILABILITY).toJson());
  }

  private EventStreamClient open() {
    return EventStreamClient.open(vertx, server.actualPort(), "/");
  }
}
