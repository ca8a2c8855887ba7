package fr.parcours;

import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests from the first millisecond of a start, metrics on (the Micrometer HTTP metrics once
 * threw a NullPointerException on a connection accepted as the port opened, and its request
 * hung): every attempt is refused (nothing listens yet) or answered, none hangs.
 */
@ExtendWith(VertxExtension.class)
class StartupTest {

  private static final int CLIENTS = 4;

  @Test
  void requestsDuringStartAreRefusedOrAnsweredNeverLeftHanging(Vertx vertx) throws Exception {
    int port = TestApp.freePort();
    AtomicBoolean started = new AtomicBoolean();
    ExecutorService hammers = Executors.newFixedThreadPool(CLIENTS);
    List<Future<int[]>> counts = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      counts.add(hammers.submit(() -> hammer(port, started)));
    }
    JsonObject settings = new JsonObject().put("http", new JsonObject().put("port", port))
        .put("metrics", new JsonObject().put("enabled", true));
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), settings)) {
      started.set(true);
      int answered = 0;
      for (Future<int[]> count : counts) {
        int[] result = count.get(60, TimeUnit.SECONDS);
        assertEquals(0, result[1], "requests accepted and left without an answer");
        answered += result[0];
      }
      assertTrue(answered >= CLIENTS, "each client was answered once the server was up");
    } finally {
      hammers.shutdownNow();
    }
  }

  /** Until the server is up and a few more: {answered, hung}. A refusal is fine: nothing listens yet. */
  private static int[] hammer(int port, AtomicBoolean started) throws IOException {
    int answered = 0;
    int hung = 0;
    int after = 0;
    while (after < 20) {
      if (started.get()) {
        after++;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        if (in.read() == 'H') {
          answered++;
        } else {
          hung++;
        }
      } catch (ConnectException notListeningYet) {
        Thread.onSpinWait();
      } catch (SocketTimeoutException noAnswer) {
        hung++;
      }
    }
    return new int[] {answered, hung};
  }
}
