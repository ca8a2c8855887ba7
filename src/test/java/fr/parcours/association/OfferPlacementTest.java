package fr.parcours.association;

import fr.parcours.support.Ical;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.parcours.association.AssociationApi.DAY;
import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.association.AssociationApi.offer;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser places accepted offers in rooms and times; conflicts are refused naming the other party. */
class OfferPlacementTest extends ServerTest {

  private static AssociationApi fair;
  private static String ocean;
  private static String barreau;

  @BeforeAll
  static void buildFair() {
    fair = new AssociationApi(app, "salon-programme");
    room("amphi", "Amphi", 120);
    room("salle-1", "Salle 1", 60);
    room("salle-2", "Salle 2", 60);
    room("petite", "Petite salle", 20);
    room("auditorium", "Auditorium", 120);
    room("atelier", "Atelier", 60);
    ocean = fair.signedIn("Océan Propre", "ocean@programme.test");
    barreau = fair.signedIn("Barreau de Bordeaux", "barreau@programme.test");
  }

  @Test
  void acceptedTalkIsPlacedThenMovedAndCancelled() {
    long id = accepted(ocean, offer("Les métiers de la mer", 2, "09:00", "12:00"));
    JsonObject placed = place(id, "amphi", "09:00", 200);
    JsonObject session = placed.getJsonObject("session");
    assertEquals("amphi", session.getString("room"));
    assertEquals("ocean-propre", session.getString("association"));
    assertEquals("s-orienter", session.getString("track"));
    assertEquals(DAY + "T09:30:00+01:00", session.getString("ends_at"), "a talk lasts 30 minutes");
    assertEquals(session.getLong("id"), placed.getJsonObject("offer").getLong("session"));

    JsonObject moved = place(id, "salle-1", "10:00", 200).getJsonObject("session");
    assertEquals(session.getLong("id"), moved.getLong("id"), "moving keeps the one session");
    assertEquals("salle-1", moved.getString("room"));
    assertEquals(60, moved.getInteger("capacity"));

    long slot = fair.create(fair.base + "/slots", new JsonObject().put("starts_at", DAY + "T11:00:00+01:00")
        .put("ends_at", DAY + "T11:40:00+01:00")).getLong("id");
    HttpResponse<Buffer> inSlot = send(as(app.client().put(fair.base + "/offers/" + id + "/placement"), fair.organiser),
        new JsonObject().put("room", "salle-1").put("slot", slot));
    assertEquals(200, inSlot.statusCode(), inSlot.bodyAsString());
    JsonObject slotted = inSlot.bodyAsJsonObject().getJsonObject("session");
    assertEquals(List.of(DAY + "T11:00:00+01:00", DAY + "T11:30:00+01:00"),
        List.of(slotted.getString("starts_at"), slotted.getString("ends_at")), "the slot's start, the talk's length");
    HttpResponse<Buffer> noSlot = send(as(app.client().put(fair.base + "/offers/" + id + "/placement"), fair.organiser),
        new JsonObject().put("room", "salle-1").put("slot", slot + 1000));
    assertEquals("slot", noSlot.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));

    JsonObject cancelled = send(as(app.client().delete(fair.base + "/offers/" + id + "/placement"), fair.organiser),
        null).bodyAsJsonObject();
    assertEquals("cancelled", cancelled.getJsonObject("session").getString("status"));
    assertEquals("scheduled", place(id, "salle-1", "10:00", 200).getJsonObject("session").getString("status"));
  }

  @Test
  void onlyAcceptedTalksAndWorkshopsArePlacedAndOnlyByTheFairsOrganiser() {
    long submitted = post(barreau, offer("Devenir avocat", 1, "09:00", "12:00"));
    assertEquals("OFFER_NOT_ACCEPTED", place(submitted, "amphi", "09:00", 409).getString("code"));
    long stand = accepted(barreau, offer("Stand du barreau", 1, "09:00", "12:00").put("kind", "stand")
        .put("duration_minutes", 240));
    assertEquals("OFFER_NOT_PLACEABLE", place(stand, "amphi", "09:00", 409).getString("code"));

    long talk = accepted(barreau, offer("Les métiers du droit", 1, "09:00", "12:00"));
    JsonObject body = new JsonObject().put("room", "amphi").put("starts_at", DAY + "T11:00:00+01:00");
    String path = fair.base + "/offers/" + talk + "/placement";
    assertEquals(401, send(as(app.client().put(path), barreau), body).statusCode());
    assertEquals(403, send(as(app.client().put(path), app.organiserToken("autre@programme.test")), body).statusCode());
    assertEquals("UNKNOWN_REFERENCE", place(talk, "nulle-part", "11:00", 422).getString("code"));
  }

  @Test
  void eachConflictIsRefusedNamingTheOtherParty() {
    long droit = accepted(barreau, offer("Le droit au quotidien", 1, "13:00", "16:00"));
    place(droit, "salle-2", "13:00", 200);

    long taken = accepted(ocean, offer("Le littoral", 3, "13:00", "16:00"));
    assertEquals(List.of("room: Salle 2 already holds \"Le droit au quotidien\" (session "
        + sessionOf(droit) + ", Barreau de Bordeaux, Salle 2, 13:00–13:30) at that time"),
        conflicts(place(taken, "salle-2", "13:15", 409)));

    assertEquals(List.of("room: Petite salle seats 20, fewer than one usual class of track S'orienter (30)"),
        conflicts(place(taken, "petite", "14:00", 409)));

    assertEquals(List.of("starts_at: Océan Propre's people are there only 13:00–16:00"),
        conflicts(place(taken, "amphi", "16:00", 409)));

    assertEquals(List.of("starts_at: falls outside the fair's opening hours (Thursday 18 March 2027, 8:30–17:00)",
        "starts_at: Océan Propre's people are there only 13:00–16:00"),
        conflicts(place(taken, "amphi", "16:45", 409)));

    long second = accepted(barreau, offer("Le métier de juge", 1, "13:00", "16:00"));
    assertEquals(List.of("starts_at: Barreau de Bordeaux can spare 1 person at once and already runs "
        + "\"Le droit au quotidien\" (session " + sessionOf(droit) + ", Barreau de Bordeaux, Salle 2, 13:00–13:30) then"),
        conflicts(place(second, "amphi", "13:15", 409)));

    List<String> both = conflicts(place(second, "salle-2", "13:20", 409));
    assertEquals(2, both.size(), both.toString());
    assertTrue(both.get(0).startsWith("room: Salle 2 already holds \"Le droit au quotidien\""), both.get(0));
    assertTrue(both.get(1).startsWith("starts_at: Barreau de Bordeaux can spare 1 person"), both.get(1));
  }

  /** Its own track, so that the other tests' sessions are not part of the class's route. */
  @Test
  void movingABookedSessionReroutesTheClassTellsTheTeacherAndShowsInTheSchedule() throws Exception {
    fair.create(fair.base + "/tracks", new JsonObject().put("slug", "s-informer").put("name", "S'informer"));
    for (String start : List.of("09:00", "10:00")) {
      fair.create(fair.base + "/sessions", new JsonObject().put("title", "Atelier CV").put("kind", "workshop")
          .put("track", "s-informer").put("room", "atelier").put("starts_at", DAY + "T" + start + ":00+01:00")
          .put("ends_at", DAY + "T" + start.replace(":00", ":30") + ":00+01:00").put("capacity", 30));
    }
    String jardin = fair.signedIn("Jardiniers de la Bastide", "jardin@programme.test");
    long talk = accepted(jardin, offer("Les métiers du paysage", 1, "09:00", "12:00").put("theme", "s-informer"));
    place(talk, "auditorium", "10:00", 200);

    HttpResponse<Buffer> booked = send(app.client().post(fair.base + "/bookings").putHeader("Idempotency-Key", "3e-b"),
        new JsonObject()
            .put("school", new JsonObject().put("name", "Collège Montaigne").put("uai", "0330023A").put("city", "Bordeaux"))
            .put("teacher", new JsonObject().put("name", "M. Petit").put("email", "petit@college.test"))
            .put("class", new JsonObject().put("name", "3e B").put("level", "3e"))
            .put("pupils", 25).put("adults", 2).put("track", "s-informer").put("arrival", "09:00").put("departure", "12:00"));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    assertEquals(List.of("Atelier CV 09:00", "Les métiers du paysage 10:00"), route(booked.bodyAsJsonObject()));
    String manage = booked.bodyAsJsonObject().getString("manage_url");
    String token = manage.substring(manage.lastIndexOf('/') + 1);
    int sequenceBefore = sequenceOf(token, "Les métiers du paysage");

    place(talk, "auditorium", "09:00", 200);

    JsonObject after = send(app.client().get("/api/bookings/" + token), null).bodyAsJsonObject();
    assertEquals("confirmed", after.getString("status"));
    assertEquals(List.of("Les métiers du paysage 09:00", "Atelier CV 10:00"), route(after));
    JsonObject told = fair.lastMessage("petit@college.test", "booking_rerouted");
    assertTrue(told.getString("body").contains("9 h–9 h 30  Les métiers du paysage"), told.getString("body"));
    // The class feed is cached until the move's notification reaches this instance: poll for it.
    Poll.until(Duration.ofSeconds(5), () -> sequenceOf(token, "Les métiers du paysage"),
        sequence -> sequence > sequenceBefore);

    JsonObject schedule = schedule(jardin, "me", 200);
    assertEquals(new JsonArray(), schedule.getJsonArray("stands"));
    JsonObject session = schedule.getJsonArray("sessions").getJsonObject(0);
    assertEquals(List.of("Les métiers du paysage", "Auditorium", DAY + "T09:00:00+01:00", "scheduled"),
        List.of(session.getString("title"), session.getJsonObject("place").getString("name"),
            session.getString("starts_at"), session.getString("status")));
    assertEquals(talk, session.getLong("offer"));
    assertEquals(new JsonObject().put("school", "Collège Montaigne").put("city", "Bordeaux").put("class", "3e B")
        .put("level", "3e").put("pupils", 25).put("adults", 2).put("people", 27),
        session.getJsonArray("classes").getJsonObject(0));
    assertEquals(schedule, schedule(fair.organiser, "jardiniers-de-la-bastide", 200));
    schedule(ocean, "jardiniers-de-la-bastide", 403);
  }

  private static JsonObject schedule(String token, String association, int status) {
    HttpResponse<Buffer> response = send(as(app.client().get(fair.base + "/associations/" + association + "/schedule"),
        token), null);
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static List<String> route(JsonObject booking) {
    return booking.getJsonArray("route").stream().map(step -> (JsonObject) step)
        .map(step -> step.getString("title") + " " + step.getString("starts_at").substring(11, 16)).toList();
  }

  private static int sequenceOf(String bookingToken, String title) {
    String ics = send(app.client().get("/calendars/bookings/" + bookingToken + ".ics"), null).bodyAsString();
    List<VEvent> events = Ical.events(ics);
    return events.stream()
        .filter(event -> event.getSummary().getValue().contains(title)
            && !"CANCELLED".equals(event.getStatus().getValue()))
        .map(event -> Integer.parseInt(event.getSequence().getValue()))
        .findFirst().orElseThrow();
  }

  private static void room(String slug, String name, int capacity) {
    fair.room(slug, name, capacity);
  }

  private static long post(String association, JsonObject offer) {
    return fair.propose(association, offer);
  }

  private static long accepted(String association, JsonObject offer) {
    return fair.accepted(association, offer);
  }

  private static JsonObject place(long offerId, String room, String start, int status) {
    return fair.place(offerId, room, start, status);
  }

  private static long sessionOf(long offerId) {
    return send(as(app.client().get(fair.base + "/offers"), fair.organiser), null).bodyAsJsonArray().stream()
        .map(o -> (JsonObject) o).filter(o -> o.getLong("id") == offerId).findFirst().orElseThrow().getLong("session");
  }

  /** "field: message" for each detail of a refusal. */
  private static List<String> conflicts(JsonObject refusal) {
    assertEquals("PLACEMENT_CONFLICT", refusal.getString("code"), refusal.encode());
    return refusal.getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("field") + ": " + ((JsonObject) d).getString("message")).toList();
  }
}
