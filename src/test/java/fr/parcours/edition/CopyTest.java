package fr.parcours.edition;

import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies of the demo fair, after a class booked it, picked a challenge and a visitor starred a session. */
@ExtendWith(VertxExtension.class)
class CopyTest {

  private static final String DEMO = "teens-up-bordeaux-2027";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static TestApp app;
  private static String organiser;
  private static JsonObject demo;

  @BeforeAll
  static void demoWithABooking(Vertx vertx) {
    app = await(TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject(), true));
    organiser = send(app.client().post("/api/auth/login"), new JsonObject().put("email", "demo@parcours.local")
        .put("password", "parcours-demo")).bodyAsJsonObject().getString("token");
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + DEMO + "/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), new JsonObject()
        .put("school", new JsonObject().put("name", "Collège Montaigne").put("uai", "0330100X").put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "M. Petit").put("email", "petit@example.org"))
        .put("class", new JsonObject().put("name", "3e B").put("level", "3e"))
        .put("pupils", 26).put("adults", 2).put("track", "s-orienter").put("arrival", "09:00").put("departure", "12:00"));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    String selection = send(app.client().post("/api/fairs/" + DEMO + "/selections"), null).bodyAsJsonObject()
        .getString("token");
    demo = programme(DEMO);
    long session = demo.getJsonArray("sessions").getJsonObject(0).getLong("id");
    assertEquals(200, send(app.client().put("/api/fairs/" + DEMO + "/selections/" + selection + "/sessions/" + session),
        null).statusCode());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject programme(String slug) {
    return send(TestApp.authorized(app.client().get("/api/fairs/" + slug), organiser), null).bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> copy(JsonObject body) {
    return send(TestApp.authorized(app.client().post("/api/fairs/" + DEMO + "/copies"), organiser), body);
  }

  private static long count(String sql, Object... params) {
    return await(app.pool().preparedQuery(sql).execute(Tuple.from(params))).iterator().next().getLong(0);
  }

  @Test
  void nextYearsEditionHasThePlanOnTheNewDayAndNothingPersonal() {
    HttpResponse<Buffer> copied = copy(new JsonObject().put("name", "Teen's Up Bordeaux 2028")
        .put("days", new JsonArray().add("2028-03-16"))
        .put("copy", new JsonObject().put("rooms", true).put("associations", "invite")));
    assertEquals(201, copied.statusCode(), copied.bodyAsString());
    JsonObject fair = copied.bodyAsJsonObject();
    assertEquals("teen-s-up-bordeaux-2028", fair.getString("slug"));
    assertEquals("draft", fair.getString("status"));
    assertEquals("2028-03-16", fair.getJsonArray("days").getJsonObject(0).getString("date"));

    JsonObject copy = programme(fair.getString("slug"));
    for (String list : List.of("venues", "tracks", "rooms", "zones", "stand_spots", "slots", "sessions")) {
      assertEquals(demo.getJsonArray(list).size(), copy.getJsonArray(list).size(), list);
    }
    assertEquals(0, copy.getJsonArray("associations").size());
    assertTrue(copy.getJsonArray("sessions").stream().allMatch(s -> ((JsonObject) s).getInteger("booked") == 0));
    assertTrue(copy.getJsonArray("sessions").stream().allMatch(s -> ((JsonObject) s).getString("association") == null));
    assertSameWallClock(demo.getJsonArray("slots").getJsonObject(0), copy.getJsonArray("slots").getJsonObject(0),
        "2028-03-16");

    long id = count("SELECT id FROM fairs WHERE slug = $1", fair.getString("slug"));
    assertEquals(0, count("SELECT count(*) FROM bookings WHERE fair_id = $1", id));
    assertEquals(0, count("SELECT count(*) FROM selections WHERE fair_id = $1", id));
    assertEquals(0, count("SELECT count(*) FROM stand_reservations WHERE fair_id = $1", id));
    assertEquals(0, count("SELECT count(*) FROM associations WHERE fair_id = $1", id));
    assertEquals(0, count("SELECT count(*) FROM offers WHERE fair_id = $1", id));
    assertEquals(count("SELECT count(*) FROM challenges c JOIN fairs f ON f.id = c.fair_id WHERE f.slug = $1", DEMO),
        count("SELECT count(*) FROM challenges WHERE fair_id = $1", id));
    assertEquals(0, count("SELECT coalesce(sum(s.taken), 0) FROM challenge_slots s JOIN challenges c "
        + "ON c.id = s.challenge_id WHERE c.fair_id = $1", id));
    assertEquals(count("SELECT count(*) FROM associations a JOIN fairs f ON f.id = a.fair_id WHERE f.slug = $1 "
        + "AND a.contact_email <> ''", DEMO), count("SELECT count(*) FROM outbox WHERE kind = 'association_rejoin'"));
    assertEquals(1, count("SELECT count(*) FROM fair_members WHERE fair_id = $1 AND role = 'owner'", id));

    String body = await(app.pool().preparedQuery("SELECT body FROM outbox WHERE kind = 'association_rejoin' "
        + "AND recipient = $1").execute(Tuple.of("contact@jardiniers-de-la-bastide.example.org")))
        .iterator().next().getString("body");
    Matcher link = Pattern.compile("/associations/rejoin/([A-Za-z0-9_-]+)").matcher(body);
    assertTrue(link.find(), body);
    HttpResponse<Buffer> rejoined = send(app.client().post("/api/associations/rejoin/" + link.group(1)), null);
    assertEquals(201, rejoined.statusCode(), rejoined.bodyAsString());
    JsonObject association = programme(fair.getString("slug")).getJsonArray("associations").getJsonObject(0);
    assertEquals("Les Jardiniers de la Bastide", association.getString("name"));
    assertEquals("preserver-la-planete", association.getString("track"));
    assertEquals(404, send(app.client().post("/api/associations/rejoin/" + link.group(1)), null).statusCode());
  }

  @Test
  void anotherCityAfterTheClockChangeKeepsLocalTimesAndLeavesThePlacesBehind() {
    HttpResponse<Buffer> copied = copy(new JsonObject().put("name", "Teen's Up Poitiers 2028").put("slug", "poitiers-2028")
        .put("city", "Poitiers").put("days", new JsonArray().add("2028-04-06")));
    assertEquals(201, copied.statusCode(), copied.bodyAsString());
    JsonObject copy = programme("poitiers-2028");
    assertEquals("Poitiers", copy.getString("city"));
    for (String list : List.of("venues", "rooms", "zones", "stand_spots")) {
      assertEquals(0, copy.getJsonArray(list).size(), list);
    }
    assertEquals(demo.getJsonArray("tracks").size(), copy.getJsonArray("tracks").size());
    JsonObject slot = copy.getJsonArray("slots").getJsonObject(0);
    assertEquals("+02:00", OffsetDateTime.parse(slot.getString("starts_at")).getOffset().getId());
    assertSameWallClock(demo.getJsonArray("slots").getJsonObject(0), slot, "2028-04-06");
  }

  @Test
  void aCopyNeedsOneNewDayPerDayAndAFreeSlug() {
    HttpResponse<Buffer> tooMany = copy(new JsonObject().put("name", "X").put("days", new JsonArray().add("2028-03-16")
        .add("2028-03-17")));
    assertEquals(400, tooMany.statusCode());
    assertEquals("days", tooMany.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> taken = copy(new JsonObject().put("name", "X").put("slug", DEMO)
        .put("days", new JsonArray().add("2028-03-16")));
    assertEquals(409, taken.statusCode(), taken.bodyAsString());
  }

  private static void assertSameWallClock(JsonObject original, JsonObject copied, String newDay) {
    ZonedDateTime before = OffsetDateTime.parse(original.getString("starts_at")).atZoneSameInstant(PARIS);
    ZonedDateTime after = OffsetDateTime.parse(copied.getString("starts_at")).atZoneSameInstant(PARIS);
    assertEquals(before.toLocalTime(), after.toLocalTime());
    assertEquals(newDay, after.toLocalDate().toString());
  }
}
