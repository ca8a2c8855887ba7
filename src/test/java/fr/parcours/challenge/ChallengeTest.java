package fr.parcours.challenge;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Challenges through HTTP: the organiser writes them, classes with a confirmed booking pick one. */
class ChallengeTest extends ServerTest {

  /** Slot times on the fixtures' fair day (14 January 2027, Paris time). */
  private static JsonObject slot(String start, String end, int capacity, String unit) {
    return new JsonObject().put("starts_at", "2027-01-14T" + start + ":00+01:00")
        .put("ends_at", "2027-01-14T" + end + ":00+01:00").put("capacity", capacity).put("unit", unit);
  }

  private static JsonObject challenge(JsonObject... slots) {
    return new JsonObject().put("title", "Défi robotique").put("description", "Programmer un robot suiveur de ligne")
        .put("slots", new JsonArray(List.of((Object[]) slots)));
  }

  @Test
  void theOrganiserWritesChallengesAndTheirSlotsAndNobodyElseDoes() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-crud", 60);
    String base = "/api/fairs/" + fair.slug() + "/challenges";
    HttpResponse<Buffer> created = organiser(fair, app.client().post(base),
        challenge(slot("14:00", "14:20", 4, "classes")));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject body = created.bodyAsJsonObject();
    assertEquals("2027-01-14T14:00:00+01:00", body.getJsonArray("slots").getJsonObject(0).getString("starts_at"));
    assertEquals(4, body.getJsonArray("slots").getJsonObject(0).getInteger("left"));
    String path = base + "/" + body.getLong("id");

    assertEquals(401, send(app.client().post(base), challenge()).statusCode());
    String stranger = app.organiserToken("stranger-defis@organiser.test");
    assertEquals(403, send(TestApp.authorized(app.client().patch(path), stranger),
        new JsonObject().put("title", "Pris")).statusCode());
    HttpResponse<Buffer> late = organiser(fair, app.client().post(path + "/slots"), slot("18:00", "18:20", 2, "classes"));
    assertEquals(422, late.statusCode());
    assertEquals("OUTSIDE_OPENING_HOURS", late.bodyAsJsonObject().getString("code"));
    HttpResponse<Buffer> badZone = organiser(fair, app.client().patch(path), new JsonObject().put("zone", "nowhere"));
    assertEquals("zone", badZone.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));

    assertEquals("Défi climat", organiser(fair, app.client().patch(path), new JsonObject().put("title", "Défi climat"))
        .bodyAsJsonObject().getString("title"));
    JsonObject withTwo = organiser(fair, app.client().post(path + "/slots"), slot("15:00", "15:30", 60, "pupils"))
        .bodyAsJsonObject();
    long second = withTwo.getJsonArray("slots").getJsonObject(1).getLong("id");
    assertEquals(30, organiser(fair, app.client().patch(path + "/slots/" + second), new JsonObject().put("capacity", 30))
        .bodyAsJsonObject().getJsonArray("slots").getJsonObject(1).getInteger("capacity"));
    assertEquals(1, organiser(fair, app.client().delete(path + "/slots/" + second), null)
        .bodyAsJsonObject().getJsonArray("slots").size());
    JsonArray listed = send(app.client().get(base), null).bodyAsJsonObject().getJsonArray("challenges");
    assertEquals("Défi climat", listed.getJsonObject(0).getString("title"));
    assertEquals(204, organiser(fair, app.client().delete(path), null).statusCode());
  }

  @Test
  void aConfirmedClassPicksOneChallengeAndChangingItFreesTheOldPlace() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-pick", 30);
    JsonObject created = createChallenge(fair, slot("14:00", "14:20", 2, "classes"), slot("14:30", "14:50", 50, "pupils"));
    long first = slotId(created, 0);
    long other = slotId(created, 1);
    String booking = book(fair, "0330001A", 24);
    String cancelled = book(fair, "0330002B", 24);
    send(app.client().delete(cancelled), null);

    HttpResponse<Buffer> picked = pick(booking, created.getLong("id"), first);
    assertEquals(200, picked.statusCode(), picked.bodyAsString());
    JsonObject choice = picked.bodyAsJsonObject().getJsonObject("challenge");
    assertEquals("Défi robotique", choice.getString("title"));
    assertEquals(1, choice.getInteger("places"));
    assertEquals(choice, send(app.client().get(booking), null).bodyAsJsonObject().getJsonObject("challenge"));

    assertEquals(24, pick(booking, created.getLong("id"), other).bodyAsJsonObject().getJsonObject("challenge")
        .getInteger("places"), "a slot counted in pupils takes the class's pupils");
    assertEquals(0, taken(first));
    assertEquals(24, taken(other));
    HttpResponse<Buffer> notConfirmed = pick(cancelled, created.getLong("id"), first);
    assertEquals(409, notConfirmed.statusCode());
    assertEquals("BOOKING_NOT_CONFIRMED", notConfirmed.bodyAsJsonObject().getString("code"));
    assertEquals(422, pick(booking, created.getLong("id") + 1000, first).statusCode());

    assertNull(send(app.client().delete(booking + "/challenge"), null).bodyAsJsonObject().getValue("challenge"));
    assertEquals(0, taken(other));
  }

  @Test
  void concurrentPicksNeverPassASlotsCapacity() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-rush", 400);
    JsonObject created = createChallenge(fair, slot("14:00", "14:20", 3, "classes"), slot("14:30", "14:50", 50, "pupils"));
    List<String> bookings = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      bookings.add(book(fair, String.format("03301%02dC", i), 20));
    }
    for (int unit = 0; unit < 2; unit++) {
      long slot = slotId(created, unit);
      List<Future<HttpResponse<Buffer>>> picks = new ArrayList<>();
      bookings.forEach(booking -> picks.add(app.client().put(booking + "/challenge")
          .sendJsonObject(new JsonObject().put("challenge", created.getLong("id")).put("slot", slot))));
      await(Future.join(picks));
      long accepted = picks.stream().filter(p -> p.result().statusCode() == 200).count();
      long refused = picks.stream().filter(p -> p.result().statusCode() == 409
          && p.result().bodyAsJsonObject().getString("code").equals("CHALLENGE_SLOT_FULL")).count();
      assertEquals(unit == 0 ? 3 : 2, accepted, "3 classes, or 50 pupils in classes of 20");
      assertEquals(12 - accepted, refused);
      assertEquals(unit == 0 ? 3 : 40, taken(slot));
    }
  }

  @Test
  void cancellingTheBookingFreesItsChallengePlace() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-cancel", 60);
    JsonObject created = createChallenge(fair, slot("14:00", "14:20", 1, "classes"));
    long slot = slotId(created, 0);
    String first = book(fair, "0330201D", 20);
    String second = book(fair, "0330202E", 20);
    assertEquals(200, pick(first, created.getLong("id"), slot).statusCode());
    assertEquals(409, pick(second, created.getLong("id"), slot).statusCode());

    assertEquals(200, send(app.client().delete(first), null).statusCode());
    assertEquals(0, taken(slot));
    assertEquals(200, pick(second, created.getLong("id"), slot).statusCode());
  }

  @Test
  void aClassPicksOnlyASlotWhileItIsAtTheFair() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-window", 60);
    JsonObject created = createChallenge(fair, slot("14:00", "14:20", 30, "pupils"), slot("16:00", "16:20", 30, "pupils"));
    String booking = book(fair, "0330301A", 24);

    HttpResponse<Buffer> afterTheBus = pick(booking, created.getLong("id"), slotId(created, 1));
    assertEquals(409, afterTheBus.statusCode(), "the bus leaves at 15:00");
    assertEquals("CHALLENGE_OUTSIDE_WINDOW", afterTheBus.bodyAsJsonObject().getString("code"));
    assertEquals(0, taken(slotId(created, 1)));

    assertEquals(200, pick(booking, created.getLong("id"), slotId(created, 0)).statusCode());
    HttpResponse<Buffer> earlier = change(booking, new JsonObject().put("departure", "14:10"));
    assertEquals(409, earlier.statusCode(), "a new departure before the presentation ends is refused");
    assertEquals("CHALLENGE_PICK_OUTSIDE_WINDOW", earlier.bodyAsJsonObject().getString("code"));
    assertEquals("15:00", send(app.client().get(booking), null).bodyAsJsonObject().getString("departure"));
  }

  @Test
  void aClassThatGrowsMustStillFitItsSlot() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-grow", 60);
    JsonObject created = createChallenge(fair, slot("14:00", "14:20", 30, "pupils"));
    long slot = slotId(created, 0);
    String booking = book(fair, "0330302B", 24);
    assertEquals(200, pick(booking, created.getLong("id"), slot).statusCode());

    HttpResponse<Buffer> grown = change(booking, new JsonObject().put("pupils", 38).put("adults", 3));
    assertEquals(409, grown.statusCode(), grown.bodyAsString());
    assertEquals("CHALLENGE_SLOT_OUTGROWN", grown.bodyAsJsonObject().getString("code"));
    assertEquals("pupils", grown.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    assertEquals(24, send(app.client().get(booking), null).bodyAsJsonObject().getInteger("pupils"));
    assertEquals(24, taken(slot), "38 pupils never held in a slot of 30");

    assertEquals(200, change(booking, new JsonObject().put("pupils", 29)).statusCode());
    assertEquals(29, taken(slot));
    assertEquals(200, change(booking, new JsonObject().put("pupils", 20)).statusCode());
    assertEquals(20, taken(slot));
    assertEquals(20, send(app.client().get(booking), null).bodyAsJsonObject().getJsonObject("challenge")
        .getInteger("places"));
  }

  @Test
  void aClassSentToTheWaitingListLetsItsPickGo() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-bumped", 30);
    JsonObject created = createChallenge(fair, slot("10:30", "10:50", 90, "pupils"));
    List<String> bookings = new ArrayList<>();
    for (String uai : List.of("0330303C", "0330304D", "0330305E")) {
      bookings.add(book(fair, BookingFixtures.request(uai, "3e " + uai, 23, 2).put("departure", "10:50")));
    }
    JsonObject first = send(app.client().get(bookings.get(0)), null).bodyAsJsonObject();
    assertEquals(200, pick(bookings.get(0), created.getLong("id"), slotId(created, 0)).statusCode());
    assertEquals(23, taken(slotId(created, 0)));

    long session = first.getJsonArray("route").getJsonObject(0).getLong("session");
    assertEquals(200, send(TestApp.authorized(app.client().patch("/api/fairs/" + fair.slug() + "/sessions/" + session),
        fair.ownerToken()), new JsonObject().put("status", "cancelled")).statusCode());

    JsonObject bumped = send(app.client().get(bookings.get(0)), null).bodyAsJsonObject();
    assertEquals("waitlisted", bumped.getString("status"));
    assertNull(bumped.getValue("challenge"));
    assertEquals(0, taken(slotId(created, 0)));
  }

  private HttpResponse<Buffer> change(String booking, JsonObject patch) {
    return send(app.client().patch(booking), patch);
  }

  private HttpResponse<Buffer> organiser(BookingFixtures.Fair fair, io.vertx.ext.web.client.HttpRequest<Buffer> request,
                                         JsonObject body) {
    return send(TestApp.authorized(request, fair.ownerToken()), body);
  }

  private JsonObject createChallenge(BookingFixtures.Fair fair, JsonObject... slots) {
    HttpResponse<Buffer> created = organiser(fair, app.client().post("/api/fairs/" + fair.slug() + "/challenges"),
        challenge(slots));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  private static long slotId(JsonObject challenge, int index) {
    return challenge.getJsonArray("slots").getJsonObject(index).getLong("id");
  }

  /** Books a class staying 09:00–15:00 and returns the API path of its booking (its manage link's token). */
  private String book(BookingFixtures.Fair fair, String uai, int pupils) {
    return book(fair, BookingFixtures.request(uai, "3e " + uai, pupils, 2).put("departure", "15:00"));
  }

  private String book(BookingFixtures.Fair fair, JsonObject request) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), request);
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    String url = booked.bodyAsJsonObject().getString("manage_url");
    return "/api/bookings/" + url.substring(url.lastIndexOf('/') + 1);
  }

  private HttpResponse<Buffer> pick(String booking, long challenge, long slot) {
    return send(app.client().put(booking + "/challenge"), new JsonObject().put("challenge", challenge).put("slot", slot));
  }

  private long taken(long slot) {
    return await(app.pool().preparedQuery("SELECT taken FROM challenge_slots WHERE id = $1").execute(Tuple.of(slot)))
        .iterator().next().getInteger(0);
  }
}
