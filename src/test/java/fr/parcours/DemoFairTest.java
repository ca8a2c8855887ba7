package fr.parcours;

import fr.parcours.demo.DemoFair;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoFairTest extends ServerTest {

  private static JsonObject programme;

  @BeforeAll
  static void loadTheDemoSeveralTimes() {
    Services services = app.application().services();
    // Two loads racing (as two instances starting together), then a restart's load.
    await(Future.all(Bootstrap.demo(services), Bootstrap.demo(services)));
    await(Bootstrap.demo(services));
    programme = send(app.client().get("/api/fairs/" + DemoFair.SLUG), null).bodyAsJsonObject();
  }

  @Test
  void twoInstancesStartingTogetherWithTheDemoLoadItOnce(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    Future<TestApp> first = TestApp.startAsync(vertx, url, new JsonObject(), true);
    Future<TestApp> second = TestApp.startAsync(vertx, url, new JsonObject(), true);
    await(Future.all(first, second));
    try (TestApp one = first.result(); TestApp other = second.result()) {
      assertEquals(1, send(one.client().get("/api/fairs"), null).bodyAsJsonArray().size());
      assertEquals(1, send(other.client().get("/api/fairs"), null).bodyAsJsonArray().size());
    }
  }

  @Test
  void theDemoIsLoadedOnce() {
    JsonArray fairs = send(app.client().get("/api/fairs"), null).bodyAsJsonArray();
    assertEquals(1, fairs.size());
    assertEquals(DemoFair.SLUG, fairs.getJsonObject(0).getString("slug"));
    assertTrue(fairs.getJsonObject(0).getBoolean("registration_open"));
  }

  @Test
  void registrationIsOpenUntilTheFairDayBegins() {
    assertEquals(OffsetDateTime.parse("2027-03-18T00:00:00+01:00").toInstant(),
        OffsetDateTime.parse(programme.getString("registration_closes_at")).toInstant());
  }

  @Test
  void aDemoFairPresentInAnyStateIsLeftAsItIs(Vertx vertx) {
    try (TestApp fresh = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject())) {
      Services services = fresh.application().services();
      await(Bootstrap.demo(services));
      // As an organiser who unpublished the demo and took its stand times away.
      await(fresh.pool().query("DELETE FROM sessions WHERE kind = 'stand_time'").execute());
      await(fresh.pool().query("UPDATE fairs SET status = 'draft'").execute());
      int sessions = count(fresh, "SELECT count(*) FROM sessions");
      await(Bootstrap.demo(services));
      assertEquals(sessions, count(fresh, "SELECT count(*) FROM sessions"));
      assertEquals(1, count(fresh, "SELECT count(*) FROM fairs WHERE status = 'draft'"));
    }
  }

  private static int count(TestApp app, String sql) {
    return await(app.pool().query(sql).execute()).iterator().next().getInteger(0);
  }

  @Test
  void theDemoHasTheTeensUpShape() {
    assertEquals("Teen's Up Bordeaux 2027", programme.getString("name"));
    assertEquals(4, programme.getJsonArray("tracks").size());
    assertEquals(2, programme.getJsonArray("venues").size());
    assertEquals(24, programme.getJsonArray("stand_spots").size());
    assertEquals(20, programme.getJsonArray("associations").size());
    assertEquals(11, programme.getJsonArray("slots").size());
    assertEquals("2027-03-18T09:00:00+01:00", programme.getJsonArray("slots").getJsonObject(0).getString("starts_at"));
    JsonArray challenges = send(app.client().get("/api/fairs/" + DemoFair.SLUG + "/challenges"), null)
        .bodyAsJsonObject().getJsonArray("challenges");
    assertEquals(3, challenges.size());
    assertEquals(4, challenges.getJsonObject(0).getJsonArray("slots").getJsonObject(0).getInteger("left"));
  }

  @Test
  void aClassArrivingAtHalfPastOneCanFollowEveryTrack() {
    for (Object track : programme.getJsonArray("tracks")) {
      String slug = ((JsonObject) track).getString("slug");
      Set<String> afternoon = programme.getJsonArray("sessions").stream().map(JsonObject.class::cast)
          .filter(session -> slug.equals(session.getString("track")))
          .filter(session -> session.getString("starts_at").compareTo("2027-03-18T13:30") >= 0)
          .map(session -> session.getString("activity"))
          .collect(Collectors.toSet());
      assertEquals(3, afternoon.size(), slug);
    }
  }
}
