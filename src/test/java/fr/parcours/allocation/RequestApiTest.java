package fr.parcours.allocation;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Class requests through the API (#17): filing, replays, the window, changes, withdrawal, what publishing shows. */
class RequestApiTest extends ServerTest {

  private static final AtomicInteger FAIRS = new AtomicInteger();

  /** A published fair in allocation mode, its window open now, with tracks s-orienter and se-connaitre. */
  private static BookingFixtures.Fair fair() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "demandes-" + FAIRS.incrementAndGet(), 60);
    sql("INSERT INTO tracks (fair_id, slug, name) VALUES ($1, 'se-connaitre', 'Se connaître')", Tuple.of(fair.id()));
    window(fair, "now() - interval '1 day'", "now() + interval '10 days'");
    return fair;
  }

  private static void window(BookingFixtures.Fair fair, String open, String close) {
    sql("UPDATE fairs SET registration_mode = 'allocation', requests_open_at = " + open + ", requests_close_at = "
        + close + ", allocation_at = " + close + " + interval '1 day' WHERE id = $1", Tuple.of(fair.id()));
  }

  static JsonObject body(String uai, String className) {
    JsonObject body = BookingFixtures.request(uai, className, 25, 2);
    body.remove("track");
    return body.put("choices", new JsonArray().add("se-connaitre").add("s-orienter")).put("any_other", true)
        .put("windows", new JsonArray().add(new JsonObject().put("arrival", "13:00").put("departure", "16:30")))
        .put("priority_education", "rep");
  }

  private static HttpResponse<Buffer> file(BookingFixtures.Fair fair, String key, JsonObject body) {
    return send(app.client().post("/api/fairs/" + fair.slug() + "/requests").putHeader("Idempotency-Key", key), body);
  }

  private static String path(JsonObject request) {
    return "/api/requests/" + request.getString("token");
  }

  private static RowSet<Row> sql(String statement, Tuple args) {
    return await(app.pool().preparedQuery(statement).execute(args));
  }

  private static void assertRefused(int status, String code, List<String> fields, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject error = response.bodyAsJsonObject();
    assertEquals(code, error.getString("code"), response.bodyAsString());
    assertEquals(fields, error.getJsonArray("details", new JsonArray()).stream()
        .map(d -> ((JsonObject) d).getString("field")).toList(), response.bodyAsString());
  }

  @Test
  void aRequestIsFiledOnceWithItsLinkAndTheAllocationDateAndItsTeacherIsTold() {
    BookingFixtures.Fair fair = fair();
    String key = UUID.randomUUID().toString();
    HttpResponse<Buffer> created = file(fair, key, body("0330023A", "3e B"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject request = created.bodyAsJsonObject();
    assertEquals("requested", request.getString("status"));
    assertEquals(app.config().publicUrl() + RequestLinks.PAGE + request.getString("token"), request.getString("manage_url"));
    assertNotNull(request.getString("allocation_at"));
    assertEquals(List.of("se-connaitre", "s-orienter"), request.getJsonArray("choices").getList());
    assertEquals("2027-01-14", request.getString("day"));
    assertTrue(request.getBoolean("changeable"));

    HttpResponse<Buffer> replayed = file(fair, key, body("0330023A", "3e B"));
    assertEquals(201, replayed.statusCode());
    assertEquals("true", replayed.getHeader("Idempotent-Replayed"));
    assertEquals(request.getLong("id"), replayed.bodyAsJsonObject().getLong("id"));
    assertRefused(422, "IDEMPOTENCY_KEY_REUSED", List.of("Idempotency-Key"), file(fair, key, body("0330023A", "3e C")));
    assertEquals(1L, sql("SELECT count(*) FROM class_requests WHERE fair_id = $1", Tuple.of(fair.id()))
        .iterator().next().getLong(0));
    Row message = sql("SELECT subject, body FROM outbox WHERE kind = 'request_filed' AND recipient = $1",
        Tuple.of("durand.3e-b@ac-bordeaux.fr")).iterator().next();
    assertTrue(message.getString("subject").startsWith("Demande reçue : 3e B"), message.getString("subject"));
    assertTrue(message.getString("body").contains("Les places seront attribuées le"), message.getString("body"));
    assertTrue(message.getString("body").contains(request.getString("manage_url")), message.getString("body"));
    assertEquals(request, send(app.client().get(path(request)), null).bodyAsJsonObject());
  }

  @Test
  void theAllocatorReadsTheOpenRequestsWithChoicesAndWindowsByRank() {
    BookingFixtures.Fair fair = fair();
    JsonObject first = file(fair, "a", body("0330023A", "3e B")).bodyAsJsonObject();
    JsonObject second = file(fair, "b", body("0330024B", "4e A").put("any_other", false)).bodyAsJsonObject();
    send(app.client().delete(path(second)), null);
    List<ClassRequest> requests = await(new RequestRepository().forAllocation(app.pool(), fair.id()));
    assertEquals(1, requests.size());
    ClassRequest request = requests.get(0);
    long connaitre = sql("SELECT id FROM tracks WHERE fair_id = $1 AND slug = 'se-connaitre'", Tuple.of(fair.id()))
        .iterator().next().getLong(0);
    assertEquals(first.getLong("id"), request.id());
    assertEquals("0330023A", request.school());
    assertEquals(List.of(connaitre, fair.trackId()), request.choices());
    assertTrue(request.anyOther());
    assertEquals(27, request.people());
    assertEquals(2, request.windows().size());
    assertTrue(request.windows().get(0).start().isEqual(OffsetDateTime.parse("2027-01-14T09:00:00+01:00")));
    assertTrue(request.windows().get(1).end().isEqual(OffsetDateTime.parse("2027-01-14T16:30:00+01:00")));
  }

  @Test
  void requestsAreTakenOnlyInAllocationModeInsideTheWindow() {
    BookingFixtures.Fair firstCome = BookingFixtures.fair(app, "premier-venu-" + FAIRS.incrementAndGet(), 60);
    assertRefused(409, "REQUESTS_NOT_TAKEN", List.of(), file(firstCome, "k", body("0330023A", "3e B")));
    BookingFixtures.Fair early = fair();
    window(early, "now() + interval '1 day'", "now() + interval '2 days'");
    HttpResponse<Buffer> notYet = file(early, "k", body("0330023A", "3e B"));
    assertRefused(409, "REQUESTS_NOT_OPEN", List.of(), notYet);
    BookingFixtures.Fair late = fair();
    window(late, "now() - interval '2 days'", "now() - interval '1 day'");
    assertRefused(409, "REQUESTS_CLOSED", List.of(), file(late, "k", body("0330023A", "3e B")));
    HttpResponse<Buffer> french = send(app.client().post("/api/fairs/" + late.slug() + "/requests")
        .putHeader("Idempotency-Key", "k").putHeader("Accept-Language", "fr"), body("0330023A", "3e B"));
    assertTrue(french.bodyAsJsonObject().getString("message").contains("l'attribution a lieu le"), french.bodyAsString());
  }

  @Test
  void aRequestIsCheckedAsABookingIsFieldByField() {
    BookingFixtures.Fair fair = fair();
    JsonObject bad = body("123", "3e B").put("choices", new JsonArray().add("s-orienter").add("s-orienter"))
        .put("windows", new JsonArray().add(new JsonObject().put("arrival", "15:00").put("departure", "14:00")))
        .put("priority_education", "zep");
    bad.getJsonObject("teacher").put("email", "durand");
    assertRefused(400, "VALIDATION_FAILED", List.of("school.uai", "teacher.email", "choices[1]",
        "windows[0].departure", "priority_education"), file(fair, "k", bad));
    JsonObject noChoice = body("0330023A", "3e B");
    noChoice.remove("choices");
    assertRefused(400, "VALIDATION_FAILED", List.of("choices"), file(fair, "k", noChoice));
    assertRefused(422, "UNKNOWN_TRACK", List.of("choices[1]"), file(fair, "k",
        body("0330023A", "3e B").put("choices", new JsonArray().add("s-orienter").add("se-perdre"))));
    assertRefused(422, "TOO_FEW_ADULTS", List.of("adults"), file(fair, "k", body("0330023A", "3e B").put("adults", 0)));
    JsonObject level = body("0330023A", "3e B");
    level.getJsonObject("class").put("level", "CM2");
    assertEquals("UNKNOWN_LEVEL", file(fair, "k", level).bodyAsJsonObject().getString("code"));
    assertEquals(201, file(fair, "k", body("0330023A", "3e B")).statusCode(), "a refused key is free again");
  }

  @Test
  void aRequestIsChangedOrWithdrawnDuringTheWindowAndNeverAfter() {
    BookingFixtures.Fair fair = fair();
    JsonObject request = file(fair, "k", body("0330023A", "3e B")).bodyAsJsonObject();
    HttpResponse<Buffer> changed = send(app.client().patch(path(request)), new JsonObject().put("pupils", 20)
        .put("choices", new JsonArray().add("s-orienter")).put("school", new JsonObject().put("name", "Collège Montaigne")));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals(20, changed.bodyAsJsonObject().getInteger("pupils"));
    assertEquals(List.of("s-orienter"), changed.bodyAsJsonObject().getJsonArray("choices").getList());
    assertEquals("0330023A", changed.bodyAsJsonObject().getJsonObject("school").getString("uai"), "a PATCH keeps the rest");
    assertEquals("Collège Montaigne", changed.bodyAsJsonObject().getJsonObject("school").getString("name"));
    assertRefused(400, "VALIDATION_FAILED", List.of("pupils"), send(app.client().patch(path(request)),
        new JsonObject().put("pupils", 0)));

    JsonObject other = file(fair, "k2", body("0330024B", "4e W")).bodyAsJsonObject();
    HttpResponse<Buffer> withdrawn = send(app.client().delete(path(other)), null);
    assertEquals("withdrawn", withdrawn.bodyAsJsonObject().getString("status"));
    assertFalse(withdrawn.bodyAsJsonObject().getBoolean("changeable"));
    assertEquals(200, send(app.client().delete(path(other)), null).statusCode(), "withdrawing again changes nothing");
    assertRefused(409, "REQUEST_WITHDRAWN", List.of(), send(app.client().patch(path(other)), new JsonObject().put("pupils", 20)));
    assertEquals(1L, sql("SELECT count(*) FROM outbox WHERE kind = 'request_withdrawn' AND recipient = $1",
        Tuple.of("durand.4e-w@ac-bordeaux.fr")).iterator().next().getLong(0));

    sql("UPDATE fairs SET requests_open_at = now() - interval '3 days', requests_close_at = now() - interval '1 second' "
        + "WHERE id = $1", Tuple.of(fair.id()));
    assertRefused(409, "REQUESTS_CLOSED", List.of(), send(app.client().patch(path(request)), new JsonObject().put("pupils", 21)));
    assertRefused(409, "REQUESTS_CLOSED", List.of(), send(app.client().delete(path(request)), null));
    assertEquals(20, send(app.client().get(path(request)), null).bodyAsJsonObject().getInteger("pupils"));
  }

  @Test
  void afterPublishingARequestShowsTheBookingItBecameOrWhyItWasNotPlaced() {
    BookingFixtures.Fair fair = fair();
    JsonObject placed = file(fair, "k1", body("0330023A", "3e B")).bodyAsJsonObject();
    JsonObject unplaced = file(fair, "k2", body("0330024B", "4e A")).bodyAsJsonObject();
    // What the allocation's publishing writes (its own helper): a booking, and the request's status.
    sql("INSERT INTO allocations (fair_id, seed, figures, published_at) VALUES ($1, '1', '{}', now())",
        Tuple.of(fair.id()));
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "b"), BookingFixtures.request("0330023A", "3e B", 25, 2));
    String bookingToken = booked.bodyAsJsonObject().getString("manage_url").replaceAll(".*/manage/", "");
    sql("UPDATE class_requests SET status = 'confirmed', booking_id = (SELECT id FROM bookings WHERE manage_token = $2) "
        + "WHERE id = $1", Tuple.of(placed.getLong("id"), bookingToken));
    sql("UPDATE class_requests SET status = 'unplaced', unplaced_reason = 'ALLOCATION_FULL' WHERE id = $1",
        Tuple.of(unplaced.getLong("id")));

    JsonObject confirmed = send(app.client().get(path(placed)), null).bodyAsJsonObject();
    assertEquals("confirmed", confirmed.getString("status"));
    assertEquals(3, confirmed.getJsonObject("booking").getJsonArray("route").size());
    assertTrue(confirmed.getJsonObject("booking").getString("manage_url").endsWith("/manage/" + bookingToken));
    assertFalse(confirmed.getBoolean("changeable"));
    assertRefused(409, "REQUEST_ALLOCATED", List.of(), send(app.client().patch(path(placed)), new JsonObject().put("pupils", 20)));
    JsonObject notPlaced = send(app.client().get(path(unplaced)), null).bodyAsJsonObject();
    assertEquals("unplaced", notPlaced.getString("status"));
    assertEquals("ALLOCATION_FULL", notPlaced.getString("reason"));
    assertTrue(notPlaced.getString("reason_message").startsWith("D'autres classes"), notPlaced.getString("reason_message"));
  }

  @Test
  void theFairsRegistrationSettingsAreWrittenAndCheckedThroughItsApi() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "reglages-" + FAIRS.incrementAndGet(), 60);
    String path = "/api/fairs/" + fair.slug();
    JsonObject settings = new JsonObject().put("mode", "allocation").put("requests_open", "2099-12-01T09:00:00+01:00")
        .put("requests_close", "2099-12-15T18:00:00+01:00").put("allocation_at", "2099-12-16T10:00:00+01:00")
        .put("offer_hours", 48);
    HttpResponse<Buffer> saved = send(fr.parcours.support.TestApp.authorized(app.client().patch(path), fair.ownerToken()),
        new JsonObject().put("registration", settings));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(settings, saved.bodyAsJsonObject().getJsonObject("registration"));
    assertEquals(settings, send(app.client().get(path), null).bodyAsJsonObject().getJsonObject("registration"));

    HttpResponse<Buffer> refused = send(fr.parcours.support.TestApp.authorized(app.client().patch(path), fair.ownerToken()),
        new JsonObject().put("registration", settings.copy().put("requests_close", "2099-11-30T09:00:00+01:00")
            .put("allocation_at", "2099-11-29T09:00:00+01:00").put("offer_hours", 0)));
    assertRefused(400, "VALIDATION_FAILED", List.of("registration.offer_hours", "registration.requests_close",
        "registration.allocation_at"), refused);
    assertRefused(400, "VALIDATION_FAILED", List.of("registration.requests_open", "registration.requests_close",
        "registration.allocation_at"), send(fr.parcours.support.TestApp.authorized(app.client().patch(path),
            fair.ownerToken()), new JsonObject().put("registration", new JsonObject().put("mode", "allocation"))));
    HttpResponse<Buffer> back = send(fr.parcours.support.TestApp.authorized(app.client().patch(path), fair.ownerToken()),
        new JsonObject().put("registration", new JsonObject().put("mode", "first_come")));
    assertEquals("first_come", back.bodyAsJsonObject().getJsonObject("registration").getString("mode"));
  }
}
