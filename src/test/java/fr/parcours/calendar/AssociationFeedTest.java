package fr.parcours.calendar;

import fr.parcours.association.AssociationApi;
import fr.parcours.stand.StandApi;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import static fr.parcours.calendar.CalendarFixtures.ok;
import static fr.parcours.stand.StandApi.forSpot;
import static fr.parcours.support.Ical.events;
import static fr.parcours.support.Ical.sequence;
import static fr.parcours.support.Ical.start;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An association's own feed over HTTP: its stand time beside its sessions, and the trades its sessions present. */
class AssociationFeedTest extends ServerTest {

  private static final Duration STALE_AT_MOST = Duration.ofSeconds(1);

  @Test
  void standTimeIsAnEventThatMovesAndStaysCancelled() {
    StandApi stands = new StandApi(app, "feed-stands");
    stands.spot("A1", 0, 3, false);
    stands.spot("A2", 3, 3, false);
    stands.spot("A3", 6, 3, false);
    String elles = stands.association("Elles bougent");
    String other = stands.association("Océan Propre");
    String feed = feedPath(stands.fair, "elles-bougent");
    String empty = get(feed).getHeader("ETag");

    assertEquals(201, stands.reserve(other, forSpot("day", "A1")).statusCode());
    long held = stands.reserve(elles, forSpot("afternoon", "A2")).bodyAsJsonObject().getLong("id");
    JsonObject waiting = stands.reserve(elles, forSpot("morning", "A1")).bodyAsJsonObject();
    assertEquals("waiting", waiting.getString("status"));
    HttpResponse<Buffer> reserved = Poll.until(STALE_AT_MOST, () -> conditional(feed, empty),
        response -> response.statusCode() == 200);
    List<VEvent> shown = events(reserved.bodyAsString());
    assertEquals(1, shown.size(), "the waiting reservation is no event: " + reserved.bodyAsString());
    VEvent stand = shown.get(0);
    assertEquals("Stand A2 — Hall", stand.getSummary().getValue());
    assertEquals("Stand A2, Hall, Hôtel de Région, 14 rue François de Sourdis, Bordeaux", stand.getLocation().getValue());
    assertEquals(Instant.parse("2027-03-18T11:30:00Z"), start(stand));
    assertEquals(Instant.parse("2027-03-18T16:00:00Z"), ZonedDateTime.from(stand.getDateTimeEnd().getDate()).toInstant());
    assertEquals("CONFIRMED", stand.getStatus().getValue());

    // Given up while still waiting: it never held a spot, so it never becomes an event, not even cancelled.
    assertEquals(200, stands.cancel(elles, waiting.getLong("id")).statusCode());
    assertEquals(200, stands.assign(stands.fair.organiser, held, new JsonObject().put("spot", "A3")
        .put("period", "morning")).statusCode());
    VEvent moved = Poll.until(STALE_AT_MOST, () -> byUid(get(feed).bodyAsString(), uid(stand)),
        event -> event.getSummary().getValue().equals("Stand A3 — Hall"));
    assertEquals(Instant.parse("2027-03-18T07:30:00Z"), start(moved));
    assertEquals(1, events(get(feed).bodyAsString()).size());
    assertTrue(sequence(moved) > sequence(stand));

    assertEquals(200, stands.cancel(elles, held).statusCode());
    VEvent cancelled = Poll.until(STALE_AT_MOST, () -> byUid(get(feed).bodyAsString(), uid(stand)),
        event -> "CANCELLED".equals(event.getStatus().getValue()));
    assertEquals("Stand A3 — Hall", cancelled.getSummary().getValue());
    assertTrue(sequence(cancelled) > sequence(moved));

    // The spot may go once no reservation holds it; the cancelled event stays, without its number.
    assertEquals(204, send(AssociationApi.as(app.client().delete(stands.fair.base + "/stand-spots/A3"),
        stands.fair.organiser), null).statusCode());
    VEvent orphan = Poll.until(STALE_AT_MOST, () -> byUid(get(feed).bodyAsString(), uid(stand)),
        event -> event.getSummary().getValue().equals("Stand"));
    assertEquals("CANCELLED", orphan.getStatus().getValue());
  }

  @Test
  void aSessionFromAnOfferNamesTheTradesItPresents() {
    AssociationApi fair = new AssociationApi(app, "feed-trades");
    fair.room("amphi", "Amphi", 120);
    String ocean = fair.signedIn("Océan Propre", "ocean@trades.test");
    long offer = fair.accepted(ocean, AssociationApi.offer("Les métiers de la mer", 2, "09:00", "12:00")
        .put("trades", new JsonArray().add("Océanographe").add("Marin pêcheur")));
    fair.place(offer, "amphi", "09:00", 200);

    VEvent session = events(get(feedPath(fair, "ocean-propre")).bodyAsString()).get(0);
    String description = session.getDescription().getValue();
    assertTrue(description.contains("Métiers : Océanographe, Marin pêcheur"), description);
    assertTrue(description.contains("Association : Océan Propre"), description);
    assertFalse(description.contains("Métiers : \n"), description);

    // A fair in English says its feed's words in English.
    assertEquals(200, send(AssociationApi.as(app.client().patch(fair.base), fair.organiser),
        new JsonObject().put("language", "en")).statusCode());
    String english = Poll.until(Duration.ofSeconds(10), () -> events(get(feedPath(fair, "ocean-propre")).bodyAsString()).get(0)
        .getDescription().getValue(), text -> text.contains("Trades: "));
    assertTrue(english.contains("Trades: Océanographe, Marin pêcheur") && english.contains("Association: Océan Propre"),
        english);
  }

  private static String feedPath(AssociationApi fair, String association) {
    HttpResponse<Buffer> response = send(AssociationApi.as(app.client()
        .get(fair.base + "/associations/" + association + "/calendar"), fair.organiser), null);
    return ok(response).getString("calendar_url").substring(app.config().publicUrl().length());
  }

  private static HttpResponse<Buffer> get(String path) {
    HttpResponse<Buffer> response = send(app.client().get(path), null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response;
  }

  private static HttpResponse<Buffer> conditional(String path, String etag) {
    return send(app.client().get(path).putHeader("If-None-Match", etag), null);
  }

  private static VEvent byUid(String ics, String uid) {
    return events(ics).stream().filter(event -> uid(event).equals(uid)).findFirst().orElseThrow();
  }

  private static String uid(VEvent event) {
    return event.getUid().orElseThrow().getValue();
  }
}
