package fr.parcours.stand;

import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static fr.parcours.stand.StandApi.forNeeds;
import static fr.parcours.stand.StandApi.forSpot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stand reservations through HTTP: spots, needs, periods, the waiting list, retries, who may do what. */
class StandReservationTest extends ServerTest {

  @Test
  void aSpotIsReservedOnceWhateverTheRetriesAndAReusedKeyIsRefused() {
    StandApi stands = new StandApi(app, "stands-retry").spot("A1", 0, 3, false);
    String token = stands.association("Les Petits Débrouillards");

    HttpResponse<Buffer> first = stands.reserve(token, "key-1", forSpot("day", "A1"));
    assertEquals(201, first.statusCode(), first.bodyAsString());
    JsonObject reservation = first.bodyAsJsonObject();
    assertEquals("confirmed", reservation.getString("status"));
    assertEquals("A1", reservation.getJsonObject("spot").getString("number"));
    assertEquals("2027-03-18T08:30:00+01:00", reservation.getString("starts_at"));
    assertEquals("false", first.getHeader("Idempotent-Replayed"));

    HttpResponse<Buffer> replay = stands.reserve(token, "key-1", forSpot("day", "A1"));
    assertEquals(201, replay.statusCode());
    assertEquals("true", replay.getHeader("Idempotent-Replayed"));
    assertEquals(reservation.getLong("id"), replay.bodyAsJsonObject().getLong("id"));

    assertRefused(stands.reserve(token, "key-1", forSpot("morning", "A1")), 422, "IDEMPOTENCY_KEY_REUSED");
    String other = stands.association("Les Apprentis d'Auteuil");
    HttpResponse<Buffer> sameKeyElsewhere = stands.reserve(other, "key-1", forSpot("day", "A1"));
    assertEquals("false", sameKeyElsewhere.getHeader("Idempotent-Replayed"), "keys belong to their association");
    assertEquals("waiting", sameKeyElsewhere.bodyAsJsonObject().getString("status"));
    HttpResponse<Buffer> keyless = app.client().post(stands.fair.base + "/stand-reservations")
        .putHeader("Authorization", "Bearer " + token).sendJsonObject(forSpot("day", "A1")).await();
    assertEquals(400, keyless.statusCode());
  }

  @Test
  void needsPickAMatchingSpotAndBadRequestsNameTheirField() {
    StandApi stands = new StandApi(app, "stands-needs").spot("A1", 0, 2, false).spot("A2", 3, 3, true);
    String token = stands.association("Unis-Cité");

    HttpResponse<Buffer> powered = stands.reserve(token, forNeeds("morning", new JsonObject().put("power", true)));
    assertEquals(201, powered.statusCode(), powered.bodyAsString());
    assertEquals("A2", powered.bodyAsJsonObject().getJsonObject("spot").getString("number"));

    assertRefused(stands.reserve(token, forNeeds("afternoon", new JsonObject().put("min_width", 5))), 422,
        "NO_SPOT_FITS");
    HttpResponse<Buffer> unknown = stands.reserve(token, forSpot("afternoon", "Z9"));
    assertEquals("spot", unknown.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> bad = stands.reserve(token, new JsonObject().put("period", "evening").put("day", "soon"));
    assertEquals(400, bad.statusCode());
    assertEquals(2, bad.bodyAsJsonObject().getJsonArray("details").size());
    HttpResponse<Buffer> otherDay = stands.reserve(token, forSpot("afternoon", "A1").put("day", "2027-03-19"));
    assertEquals("UNKNOWN_DAY", otherDay.bodyAsJsonObject().getString("code"));
  }

  @Test
  void anAssociationHoldsOneReservationPerPeriodAndAWholeDayOverlapsBothHalves() {
    StandApi stands = new StandApi(app, "stands-periods").spot("A1", 0, 3, false).spot("A2", 3, 3, false);
    String token = stands.association("Wake up Café");

    assertEquals(201, stands.reserve(token, forSpot("morning", "A1")).statusCode());
    assertEquals(201, stands.reserve(token, forSpot("afternoon", "A2")).statusCode());
    assertRefused(stands.reserve(token, forSpot("day", "A2")), 409, "STAND_ALREADY_RESERVED");

    JsonArray schedule = app.client().get(stands.fair.base + "/associations/me/schedule")
        .putHeader("Authorization", "Bearer " + token).send().await().bodyAsJsonObject().getJsonArray("stands");
    assertEquals(2, schedule.size(), "the association's schedule lists its stands");
    assertEquals("A1", schedule.getJsonObject(0).getJsonObject("spot").getString("number"));
    assertEquals("afternoon", schedule.getJsonObject(1).getString("period"));
  }

  @Test
  void aTakenSpotPutsTheRequestOnTheWaitingListAndACancellationPromotesTheFirstThatFits() {
    StandApi stands = new StandApi(app, "stands-waiting").spot("A1", 0, 3, false);
    String holder = stands.association("Croix-Rouge");
    String wholeDay = stands.association("Emmaus Connect");
    String morning = stands.association("Planète Sciences");
    String secondMorning = stands.association("Réseau Canopé");

    long held = stands.reserve(holder, forSpot("morning", "A1")).bodyAsJsonObject().getLong("id");
    JsonObject waitingDay = stands.reserve(wholeDay, forSpot("day", "A1")).bodyAsJsonObject();
    JsonObject waitingMorning = stands.reserve(morning, forNeeds("morning", new JsonObject())).bodyAsJsonObject();
    stands.reserve(secondMorning, forSpot("morning", "A1"));
    assertEquals("waiting", waitingDay.getString("status"));
    assertEquals(1, waitingDay.getInteger("waitlist_position"));
    assertEquals(2, waitingMorning.getInteger("waitlist_position"));
    assertNull(waitingDay.getValue("spot"));
    JsonObject afternoonFree = stands.map().getJsonArray("spots").getJsonObject(0).getJsonArray("periods").getJsonObject(1);
    assertEquals("free", afternoonFree.getString("state"));

    HttpResponse<Buffer> cancelled = stands.cancel(holder, held);
    assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
    assertEquals("cancelled", cancelled.bodyAsJsonObject().getString("status"));
    JsonObject promoted = stands.show(wholeDay, waitingDay.getLong("id")).bodyAsJsonObject();
    assertEquals("confirmed", promoted.getString("status"));
    assertEquals("A1", promoted.getJsonObject("spot").getString("number"));
    assertEquals(1, stands.show(morning, waitingMorning.getLong("id")).bodyAsJsonObject().getInteger("waitlist_position"));

    JsonObject message = stands.fair.lastMessage("emmaus-connect@asso.test", "stand_promoted");
    String body = message.getString("body");
    assertTrue(body.startsWith("Bonjour Emmaus Connect") && !body.contains("Hello"), "the association's language only: " + body);
    assertTrue(body.contains("Stand n° A1") && body.contains("toute la journée : 8 h 30–17 h"), body);
    assertEquals(200, stands.cancel(holder, held).statusCode(), "cancelling twice changes nothing");
  }

  @Test
  void thePublicMapShowsWhoHoldsEachHalfDayByNameOnly() {
    StandApi stands = new StandApi(app, "stands-map").spot("A1", 0, 3, true).spot("A2", 3, 2, false);
    String token = stands.association("Les Restos du Cœur");
    stands.reserve(token, forSpot("day", "A1"));

    HttpResponse<Buffer> response = app.client().get(stands.fair.base + "/stands").send().await();
    assertEquals(200, response.statusCode());
    assertFalse(response.bodyAsString().contains("@asso.test"), "no contact data on the public map");
    JsonArray spots = response.bodyAsJsonObject().getJsonArray("spots");
    JsonObject a1 = spots.getJsonObject(0);
    assertEquals("A1", a1.getString("number"));
    assertEquals(6.0, a1.getDouble("area"));
    assertTrue(a1.getBoolean("power"));
    JsonObject afternoon = a1.getJsonArray("periods").getJsonObject(1);
    assertEquals("afternoon", afternoon.getString("period"));
    assertEquals("2027-03-18T12:30:00+01:00", afternoon.getString("starts_at"));
    assertEquals("reserved", afternoon.getString("state"));
    assertEquals("day", afternoon.getString("reserved_for"));
    assertEquals(new JsonObject().put("name", "Les Restos du Cœur"), afternoon.getJsonObject("association"));
    assertEquals("free", spots.getJsonObject(1).getJsonArray("periods").getJsonObject(0).getString("state"));

    String page = app.client().get("/fairs/" + stands.fair.slug).send().await().bodyAsString();
    assertEquals(1, page.split("class=\"spot taken\"", -1).length - 1, "the programme page draws A1 taken");
    assertEquals(1, page.split("class=\"spot free\"", -1).length - 1, "and A2 free");
  }

  @Test
  void anAssociationCannotTouchAnothersReservationAndOnlyTheOrganiserAssignsOrLists() {
    StandApi stands = new StandApi(app, "stands-authz").spot("A1", 0, 3, false);
    String owner = stands.association("Article 1");
    String other = stands.association("Fondation de France");
    long id = stands.reserve(owner, forSpot("day", "A1")).bodyAsJsonObject().getLong("id");

    assertEquals(403, stands.show(other, id).statusCode());
    assertEquals(403, stands.cancel(other, id).statusCode());
    assertEquals(401, stands.assign(other, id, new JsonObject().put("spot", "A1")).statusCode());
    assertEquals(401, stands.list(owner).statusCode());
    assertEquals(401, stands.cancel("not-a-token", id).statusCode());
    String stranger = app.organiserToken("stranger@organiser.test");
    assertEquals(403, stands.list(stranger).statusCode());
    assertEquals(403, stands.assign(stranger, id, new JsonObject().put("spot", "A1")).statusCode());
    assertEquals(403, stands.reserve(stands.fair.organiser, forSpot("day", "A1")).statusCode(),
        "an organiser does not reserve in an association's name here");
    assertEquals("confirmed", stands.show(owner, id).bodyAsJsonObject().getString("status"));
  }

  @Test
  void theOrganiserAssignsAWaitingReservationAndMovesOneUnderTheSameConflictChecks() {
    StandApi stands = new StandApi(app, "stands-organiser").spot("A1", 0, 3, false).spot("A2", 3, 3, false);
    String first = stands.association("La Cravate Solidaire");
    String second = stands.association("Nos Quartiers ont des Talents");
    long held = stands.reserve(first, forSpot("day", "A1")).bodyAsJsonObject().getLong("id");
    long waiting = stands.reserve(second, forSpot("morning", "A1")).bodyAsJsonObject().getLong("id");
    String organiser = stands.fair.organiser;

    HttpResponse<Buffer> clash = stands.assign(organiser, waiting, new JsonObject().put("spot", "A1"));
    assertRefused(clash, 409, "SPOT_TAKEN");
    assertTrue(clash.bodyAsJsonObject().getString("error").contains("La Cravate Solidaire"));

    HttpResponse<Buffer> assigned = stands.assign(organiser, waiting, new JsonObject().put("spot", "A2"));
    assertEquals(200, assigned.statusCode(), assigned.bodyAsString());
    assertEquals("A2", assigned.bodyAsJsonObject().getJsonObject("spot").getString("number"));
    assertTrue(stands.fair.lastMessage("nos-quartiers-ont-des-talents@asso.test", "stand_assigned")
        .getString("body").contains("Stand n° A2"));

    HttpResponse<Buffer> moved = stands.assign(organiser, held,
        new JsonObject().put("spot", "A2").put("period", "afternoon"));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
    assertEquals("afternoon", moved.bodyAsJsonObject().getString("period"));
    assertTrue(stands.fair.lastMessage("la-cravate-solidaire@asso.test", "stand_moved").getString("body")
        .contains("12 h 30–17 h"));
    JsonArray all = stands.list(organiser).bodyAsJsonObject().getJsonArray("reservations");
    assertEquals(2, all.size());
    assertEquals(422, stands.assign(organiser, held, new JsonObject().put("spot", "Z9")).statusCode());
    assertEquals(404, stands.assign(organiser, 999_999, new JsonObject().put("spot", "A1")).statusCode());
  }

  /** Refused with {@code status}, and the code a client reads. */
  private static void assertRefused(HttpResponse<Buffer> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals(code, response.bodyAsJsonObject().getString("code"));
  }
}
