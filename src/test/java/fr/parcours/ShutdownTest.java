package fr.parcours;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What SIGTERM does (the shutdown hook runs {@link Application#stop()}): the port stops
 * accepting at once, so a new connection is refused (a balancer or client tries another
 * instance straight away) instead of being accepted and then reset; the request in flight,
 * here a booking queued behind its track's lock, still gets its answer.
 */
@ExtendWith(VertxExtension.class)
class ShutdownTest {

  @Test
  void stoppingRefusesNewConnectionsAndFinishesTheRequestsInFlight(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    TestApp app = TestApp.start(vertx, url, new JsonObject().put("http", new JsonObject()
        .put("shutdown_grace_seconds", 20)));
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "arret", 60);
    PgConnection outside = await(PgConnection.connect(vertx, PgConnectOptions.fromUri(url)));
    Transaction holding = await(outside.begin());
    await(outside.preparedQuery("SELECT id FROM tracks WHERE id = $1 FOR UPDATE").execute(Tuple.of(fair.trackId())));
    Future<HttpResponse<Buffer>> inFlight = app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "arret-1").sendJsonObject(BookingFixtures.request("0330001A", "3e A", 24, 2));
    Poll.until(Duration.ofSeconds(10), () -> await(outside.query("SELECT count(*) FROM pg_stat_activity "
        + "WHERE wait_event_type = 'Lock' AND datname = current_database()").execute()).iterator().next().getLong(0),
        waiting -> waiting > 0);

    Future<Void> stopped = app.application().stop();
    Poll.until(Duration.ofSeconds(5), () -> refused(app.port()), refused -> refused);
    assertThrows(ConnectException.class, () -> connect(app.port()), "no connection is accepted to be reset");
    assertFalse(stopped.isComplete(), "still finishing the booking in flight");

    await(holding.rollback());
    outside.close();
    assertEquals(201, await(inFlight).statusCode(), "the request in flight is answered");
    await(stopped);
  }

  private static boolean refused(int port) throws IOException {
    try {
      connect(port);
      return false;
    } catch (ConnectException refused) {
      return true;
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }
}
