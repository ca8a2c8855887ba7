package fr.parcours.planner;

import fr.parcours.association.AssociationApi;
import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.EventStreamClient;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.authorized;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan API on the real server and database: bad demands, a plan applied over a booked
 * class (its teacher told once), a plan stopped and then refused because the programme changed
 * meanwhile. Fairs from {@link BookingFixtures}: one track of three activities given five times
 * each in the morning, each room seating one class; slots every 40 minutes from 09:00 to 16:50.
 */
class PlanApiTest extends ServerTest {

  @Test
  void badDemandsAreRefusedNamingTheField() {
    BookingFixtures.Fair fair = fair("plan-bad");
    assertRefused(fair, new JsonObject().put("demand", new JsonObject().put("nope", new JsonObject())), "demand.nope");
    assertRefused(fair, demand(-1, "09:00", "12:00"), "demand.s-orienter.classes");
    assertRefused(fair, demand(2, "07:00", "12:00"), "demand.s-orienter.windows[0].arrival");
    assertRefused(fair, demand(2, "13:00", "18:00"), "demand.s-orienter.windows[0].departure");
    assertRefused(fair, demand(2, "09:00", "12:00").put("seconds", 0), "seconds");
    assertRefused(fair, demand(2, "09:00", "12:00").put("seconds", 601), "seconds");
  }

  @Test
  void applyingAPlanOverABookedClassWaitlistsOrReroutesItAndTellsItsTeacher() {
    BookingFixtures.Fair fair = fair("plan-apply");
    HttpResponse<Buffer> booked = send(app.client().post(app.port(), "localhost",
            "/api/fairs/" + fair.slug() + "/bookings").putHeader("Idempotency-Key", "plan-apply-1"),
        BookingFixtures.request("0330023A", "3e A", 25, 2));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    JsonArray route = booked.bodyAsJsonObject().getJsonArray("route");

    // Every class now comes in the afternoon: the morning sessions, the booked ones too, are no use.
    JsonObject plan = solved(fair, demand(2, "13:00", "17:00").put("seconds", 3).put("keep_placed", false)
        .put("move_booked", true));
    assertEquals(0, plan.getJsonObject("score").getInteger("hard"), plan.encodePrettily());
    assertTrue(plan.getJsonObject("capacity").getJsonObject("s-orienter").getInteger("classes_after") >= 2,
        plan.encodePrettily());

    HttpResponse<Buffer> applied = post(fair, "/plans/" + plan.getLong("id") + "/apply");
    assertEquals(200, applied.statusCode(), applied.bodyAsString());
    assertTrue(applied.bodyAsJsonObject().getJsonArray("changes").size() > 0);

    long first = route.getJsonObject(0).getLong("session");
    Row session = await(app.pool().preparedQuery("SELECT status, sequence FROM sessions WHERE id = $1")
        .execute(Tuple.of(first))).iterator().next();
    assertTrue(session.getInteger("sequence") > 0, "calendars see the change");
    Row booking = await(app.pool().preparedQuery("SELECT b.status, (SELECT count(*) FROM outbox o WHERE o.recipient = "
        + "b.teacher_email AND o.kind IN ('booking_bumped', 'booking_rerouted', 'booking_promoted')) AS told "
        + "FROM bookings b "
        + "WHERE b.fair_id = $1").execute(Tuple.of(fair.id()))).iterator().next();
    assertEquals("waitlisted", booking.getString("status"), "no morning route is left");
    assertEquals(1, booking.getLong("told"), "the teacher is told once for the whole plan");
  }

  @Test
  void aPlansProgressArrivesAsServerSentEventsUntilItIsDone(Vertx vertx) {
    BookingFixtures.Fair fair = fair("plan-events");
    HttpResponse<Buffer> started = post(fair, "/plans", demand(2, "09:00", "12:30").put("seconds", 2));
    assertEquals(202, started.statusCode(), started.bodyAsString());
    long id = started.bodyAsJsonObject().getLong("id");
    try (EventStreamClient stream = EventStreamClient.open(vertx, app.port(),
        "/api/fairs/" + fair.slug() + "/plans/" + id + "/events", Map.of("Authorization", "Bearer " + fair.ownerToken()))) {
      assertEquals(200, stream.status());
      JsonObject first = stream.next(0, Duration.ofSeconds(30)).json();
      assertEquals(id, first.getLong("id"));
      assertTrue(first.getJsonObject("score").containsKey("hard"), first.encode());
      Poll.until(Duration.ofSeconds(60), stream::ended, ended -> ended);
      JsonObject last = stream.events().get(stream.events().size() - 1).json();
      assertEquals("done", last.getString("status"), "the stream ends with the plan: " + stream.text());
    }
  }

  @Test
  void aStoppedPlanIsRefusedOnceTheProgrammeChanged() {
    BookingFixtures.Fair fair = fair("plan-stale");
    HttpResponse<Buffer> started = post(fair, "/plans", demand(2, "09:00", "12:30").put("seconds", 120));
    assertEquals(202, started.statusCode(), started.bodyAsString());
    long id = started.bodyAsJsonObject().getLong("id");
    assertEquals(200, post(fair, "/plans/" + id + "/stop").statusCode());
    JsonObject stopped = Poll.until(Duration.ofSeconds(30), () -> get(fair, "/plans/" + id),
        plan -> !"solving".equals(plan.getString("status")));
    assertEquals("stopped", stopped.getString("status"));

    long session = await(app.pool().preparedQuery("SELECT min(id) FROM sessions WHERE fair_id = $1 AND room_id IS NOT NULL")
        .execute(Tuple.of(fair.id()))).iterator().next().getLong(0);
    HttpResponse<Buffer> edited = send(authorized(app.client().patch(app.port(), "localhost",
        "/api/fairs/" + fair.slug() + "/sessions/" + session), fair.ownerToken()), new JsonObject().put("title", "Neuf"));
    assertEquals(200, edited.statusCode(), edited.bodyAsString());

    HttpResponse<Buffer> refused = post(fair, "/plans/" + id + "/apply");
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("PROGRAMME_CHANGED", refused.bodyAsJsonObject().getString("code"));
  }

  @Test
  void applyingAPlanTellsEachAssociationOnceForAllItsOffers() {
    AssociationApi fair = new AssociationApi(app, "plan-mails");
    fair.room("amphi", "Amphi", 120);
    fair.room("salle", "Salle Garonne", 60);
    slots(await(app.pool().preparedQuery("SELECT id FROM fairs WHERE slug = $1").execute(Tuple.of(fair.slug)))
        .iterator().next().getLong("id"), LocalDate.parse(AssociationApi.DAY));
    String friends = fair.signedIn("Ocean Friends", "friends@plan.test");
    long jobs = fair.accepted(friends, AssociationApi.offer("Les métiers de la mer", 2, "09:00", "12:00"));
    long ports = fair.accepted(friends, AssociationApi.offer("Les ports demain", 2, "09:00", "12:00"));
    String forest = fair.signedIn("Forêt vivante", "forest@plan.test");
    long trees = fair.accepted(forest, AssociationApi.offer("Les arbres et nous", 2, "09:00", "12:00"));

    JsonObject body = new JsonObject().put("demand", new JsonObject().put("s-orienter", new JsonObject()
        .put("classes", 2).put("windows", new JsonArray().add(new JsonObject().put("arrival", "09:00")
            .put("departure", "12:00").put("share", 1))))).put("seconds", 3);
    HttpResponse<Buffer> started = post(fair.slug, fair.organiser, "/plans", body);
    assertEquals(202, started.statusCode(), started.bodyAsString());
    long id = started.bodyAsJsonObject().getLong("id");
    JsonObject plan = Poll.until(Duration.ofSeconds(60), () -> get(fair.slug, fair.organiser, "/plans/" + id),
        done -> !"solving".equals(done.getString("status")));
    assertEquals(0, plan.getJsonObject("score").getInteger("hard"), plan.encodePrettily());
    HttpResponse<Buffer> applied = post(fair.slug, fair.organiser, "/plans/" + id + "/apply", new JsonObject());
    assertEquals(200, applied.statusCode(), applied.bodyAsString());

    assertEquals(1, mails("friends@plan.test", "offer_placed"), "one email for both of its offers");
    JsonObject both = fair.lastMessage("friends@plan.test", "offer_placed");
    assertEquals("Vos propositions au programme — Salon plan-mails", both.getString("subject"));
    String letter = both.getString("body");
    assertTrue(letter.contains("« Les métiers de la mer » est au programme")
        && letter.contains("« Les ports demain » est au programme") && letter.contains("jeudi 18 mars 2027"), letter);
    assertEquals(1, mails("forest@plan.test", "offer_placed"));
    assertTrue(fair.lastMessage("forest@plan.test", "offer_placed").getString("subject")
        .startsWith("Au programme : Les arbres et nous"));
    long linked = await(app.pool().preparedQuery("SELECT count(*) FROM offers o JOIN sessions s ON s.id = o.session_id "
        + "WHERE o.id = ANY($1) AND s.status = 'scheduled'").execute(Tuple.of(new Long[] {jobs, ports, trees})))
        .iterator().next().getLong(0);
    assertEquals(3, linked, "each offer is linked to a showing the plan made: the programme page counts it placed");
  }

  private static long mails(String recipient, String kind) {
    return await(app.pool().preparedQuery("SELECT count(*) FROM outbox WHERE recipient = $1 AND kind = $2")
        .execute(Tuple.of(recipient, kind))).iterator().next().getLong(0);
  }

  private static BookingFixtures.Fair fair(String slug) {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, slug, 30);
    slots(fair.id(), BookingFixtures.DAY);
    return fair;
  }

  /** Slots every 40 minutes from 09:00 to 16:50, Paris time. */
  private static void slots(long fairId, LocalDate day) {
    await(app.pool().preparedQuery("INSERT INTO slots (fair_id, starts_at, ends_at) SELECT $1, "
        + "(($2::date + time '09:00') + i * interval '40 minutes') AT TIME ZONE 'Europe/Paris', "
        + "(($2::date + time '09:30') + i * interval '40 minutes') AT TIME ZONE 'Europe/Paris' "
        + "FROM generate_series(0, 11) AS i").execute(Tuple.of(fairId, day)));
  }

  private static JsonObject demand(int classes, String arrival, String departure) {
    return new JsonObject().put("demand", new JsonObject().put("s-orienter", new JsonObject().put("classes", classes)
        .put("windows", new JsonArray().add(new JsonObject().put("arrival", arrival).put("departure", departure)
            .put("share", 1)))));
  }

  private static JsonObject solved(BookingFixtures.Fair fair, JsonObject body) {
    HttpResponse<Buffer> started = post(fair, "/plans", body);
    assertEquals(202, started.statusCode(), started.bodyAsString());
    long id = started.bodyAsJsonObject().getLong("id");
    return Poll.until(Duration.ofSeconds(60), () -> get(fair, "/plans/" + id),
        plan -> !"solving".equals(plan.getString("status")));
  }

  private static void assertRefused(BookingFixtures.Fair fair, JsonObject body, String field) {
    HttpResponse<Buffer> refused = post(fair, "/plans", body);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonArray details = refused.bodyAsJsonObject().getJsonArray("details");
    assertTrue(details.stream().map(JsonObject.class::cast).anyMatch(d -> field.equals(d.getString("field"))),
        field + " in " + refused.bodyAsString());
  }

  private static HttpResponse<Buffer> post(BookingFixtures.Fair fair, String path) {
    return post(fair, path, new JsonObject());
  }

  private static HttpResponse<Buffer> post(BookingFixtures.Fair fair, String path, JsonObject body) {
    return post(fair.slug(), fair.ownerToken(), path, body);
  }

  private static HttpResponse<Buffer> post(String fair, String organiser, String path, JsonObject body) {
    return send(authorized(app.client().post(app.port(), "localhost", "/api/fairs/" + fair + path), organiser), body);
  }

  private static JsonObject get(BookingFixtures.Fair fair, String path) {
    return get(fair.slug(), fair.ownerToken(), path);
  }

  private static JsonObject get(String fair, String organiser, String path) {
    HttpResponse<Buffer> response = await(authorized(app.client().get(app.port(), "localhost",
        "/api/fairs/" + fair + path), organiser).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
