package fr.parcours.challenge;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two classes swapping challenge slots in opposite directions at once: each change holds two
 * slots (the one it leaves, the one it takes). Taken in id order by the lock routine, the two
 * wait for each other in turn; taken as they came (the new slot, then the old), they deadlock
 * and PostgreSQL kills one. The database's own deadlock count says which happened.
 */
@ExtendWith(VertxExtension.class)
class ChallengeSwapTest {

  private static final int ROUNDS = 12;

  @Test
  void oppositeSwapsNeverDeadlock(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    try (TestApp app = TestApp.start(vertx, url, new JsonObject())) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-echange", 60);
      JsonObject challenge = send(TestApp.authorized(app.client().post("/api/fairs/" + fair.slug() + "/challenges"),
          fair.ownerToken()), new JsonObject().put("title", "Défi robotique").put("description", "Un robot")
          .put("slots", new JsonArray(List.of(slot("14:00", "14:20"), slot("14:30", "14:50"))))).bodyAsJsonObject();
      long id = challenge.getLong("id");
      long a = challenge.getJsonArray("slots").getJsonObject(0).getLong("id");
      long b = challenge.getJsonArray("slots").getJsonObject(1).getLong("id");
      String first = book(app, fair, "0330001A");
      String second = book(app, fair, "0330002B");
      assertEquals(200, pick(app, first, id, a).statusCode());
      assertEquals(200, pick(app, second, id, b).statusCode());
      for (int round = 0; round < ROUNDS; round++) {
        boolean even = round % 2 == 0;
        List<Future<HttpResponse<Buffer>>> swaps = List.of(
            app.client().put(first + "/challenge").sendJsonObject(choice(id, even ? b : a)),
            app.client().put(second + "/challenge").sendJsonObject(choice(id, even ? a : b)));
        await(Future.join(swaps));
        swaps.forEach(swap -> assertEquals(200, swap.result().statusCode(), swap.result().bodyAsString()));
      }
    }
    assertEquals(0, deadlocks(vertx, url), "deadlocks PostgreSQL had to break");
  }

  /** Read once the server's sessions are gone: a session reports its statistics when it ends. */
  private static long deadlocks(Vertx vertx, String url) {
    PgConnection conn = await(PgConnection.connect(vertx, PgConnectOptions.fromUri(url)));
    try {
      Poll.until(Duration.ofSeconds(20), () -> await(conn.query("SELECT count(*) FROM pg_stat_activity "
          + "WHERE datname = current_database() AND pid <> pg_backend_pid()").execute()).iterator().next().getLong(0),
          others -> others == 0);
      return await(conn.query("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").execute())
          .iterator().next().getLong(0);
    } finally {
      conn.close();
    }
  }

  private static JsonObject slot(String start, String end) {
    return new JsonObject().put("starts_at", "2027-01-14T" + start + ":00+01:00")
        .put("ends_at", "2027-01-14T" + end + ":00+01:00").put("capacity", 4).put("unit", "classes");
  }

  private static JsonObject choice(long challenge, long slot) {
    return new JsonObject().put("challenge", challenge).put("slot", slot);
  }

  private static HttpResponse<Buffer> pick(TestApp app, String booking, long challenge, long slot) {
    return send(app.client().put(booking + "/challenge"), choice(challenge, slot));
  }

  private static String book(TestApp app, BookingFixtures.Fair fair, String uai) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        BookingFixtures.request(uai, "3e " + uai, 24, 2).put("departure", "15:00"));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    String url = booked.bodyAsJsonObject().getString("manage_url");
    return "/api/bookings/" + url.substring(url.lastIndexOf('/') + 1);
  }
}
