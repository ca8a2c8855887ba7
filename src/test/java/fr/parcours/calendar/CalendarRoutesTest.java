package fr.parcours.calendar;

import fr.parcours.fair.FairClient;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.parcours.calendar.CalendarFixtures.event;
import static fr.parcours.support.Ical.events;
import static fr.parcours.support.Ical.sequence;
import static fr.parcours.support.Ical.start;
import static fr.parcours.calendar.CalendarFixtures.ok;
import static fr.parcours.support.Ical.parse;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every feed kind over HTTP on a fair built through the API, on the real database. */
class CalendarRoutesTest extends ServerTest {

  private static final Duration STALE_AT_MOST = Duration.ofSeconds(1);

  private static FairClient organiser;

  @BeforeAll
  static void buildFairs() {
    organiser = new FairClient(app.client(), app.organiserToken("calendars@organiser.test"));
    CalendarFixtures.dstFair(organiser, "salon-dst");
    CalendarFixtures.dstFair(organiser, "salon-move");
    CalendarFixtures.dstFair(organiser, "salon-cross");
  }

  @Test
  void theFairFeedIsValidLocalAndRightOnBothDaylightSavingDays() {
    HttpResponse<Buffer> response = get(app.client(), "/calendars/fairs/salon-dst.ics");
    assertEquals(200, response.statusCode());
    assertEquals("text/calendar; charset=utf-8", response.getHeader("Content-Type"));
    assertEquals("public, max-age=60", response.getHeader("Cache-Control"));
    String ics = response.bodyAsString();
    assertTrue(ics.contains("\r\n"), "CRLF line endings");
    for (String line : List.of("VERSION:2.0", "PRODID:", "X-WR-CALNAME:Salon salon-dst", "NAME:Salon salon-dst",
        "X-WR-TIMEZONE:Europe/Paris", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
        "DTSTART;TZID=Europe/Paris:20270328T090000", "DTSTART;TZID=Europe/Paris:20271031T090000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")) {
      assertTrue(ics.contains(line), line + " in\n" + ics);
    }
    assertFalse(ics.contains("RDATE"), "Outlook mishandles RDATE time zones");
    assertFalse(ics.contains("GMT"), "a real zone is never GMT");
    VTimeZone zone = parse(ics).getComponent(Component.VTIMEZONE).map(VTimeZone.class::cast).orElseThrow();
    assertEquals(2, zone.getObservances().size());
    // Summer time began at 02:00 on 28 March, winter time at 03:00 on 31 October.
    assertEquals(Instant.parse("2027-03-28T07:00:00Z"), start(event(ics, "Les métiers du climat")));
    assertEquals(Instant.parse("2027-10-31T08:00:00Z"), start(event(ics, "Se connaître pour choisir")));
    VEvent climate = event(ics, "Les métiers du climat");
    assertEquals("Amphi, Hôtel de Région, 14 rue François de Sourdis, Bordeaux", climate.getLocation().getValue());
    assertTrue(climate.getDescription().getValue().contains("Elles ingénieures"));
    assertTrue(climate.getDescription().getValue().contains("S'orienter"));
    assertEquals("S'orienter", climate.getProperty("CATEGORIES").orElseThrow().getValue());
    String url = climate.getProperty("URL").orElseThrow().getValue();
    assertTrue(url.startsWith(app.config().publicUrl() + "/fairs/salon-dst/sessions/"), url);
    assertTrue(climate.getProperty("DTSTAMP").isPresent());
    assertTrue(climate.getProperty("LAST-MODIFIED").isPresent());
  }

  @Test
  void trackRoomAndAssociationFeedsShowTheirOwnSessions() {
    JsonObject feeds = ok(organiser.get("/api/fairs/salon-dst/calendars"));
    assertEquals(app.config().publicUrl() + "/calendars/fairs/salon-dst.ics", feeds.getString("calendar_url"));
    assertTrue(feeds.getString("webcal_url").startsWith("webcal://"));
    String track = feeds.getJsonArray("tracks").getJsonObject(1).getString("calendar_url");
    assertEquals(List.of("Se connaître pour choisir"), titles(path(track)));
    String room = feeds.getJsonArray("rooms").getJsonObject(1).getString("calendar_url");
    assertEquals(List.of("Atelier CV", "Se connaître pour choisir"), titles(path(room)));
    JsonObject association = ok(organiser.get("/api/fairs/salon-dst/associations/ingenieures/calendar"));
    assertTrue(association.getString("webcal_url").startsWith("webcal://"));
    assertEquals(List.of("Les métiers du climat"), titles(path(association.getString("calendar_url"))));
    HttpResponse<Buffer> anonymous = send(app.client().get("/api/fairs/salon-dst/associations/ingenieures/calendar"),
        null);
    assertEquals(401, anonymous.statusCode());
    assertEquals("private, max-age=60",
        get(app.client(), path(association.getString("calendar_url"))).getHeader("Cache-Control"));
  }

  @Test
  void aVisitorStarsSessionsAndSubscribesToThem() {
    JsonObject selection = send(app.client().post("/api/fairs/salon-dst/selections"), null).bodyAsJsonObject();
    String base = "/api/fairs/salon-dst/selections/" + selection.getString("token");
    String feed = path(selection.getString("calendar_url"));
    assertTrue(selection.getString("webcal_url").startsWith("webcal://"));
    assertEquals(List.of(), titles(feed));
    long climate = sessionId("salon-dst", "Les métiers du climat");
    assertEquals(200, send(app.client().put(base + "/sessions/" + climate), null).statusCode());
    assertEquals(200, send(app.client().put(base + "/sessions/" + climate), null).statusCode());
    assertEquals(climate, send(app.client().get(base), null).bodyAsJsonObject().getJsonArray("sessions").getLong(0));
    Poll.until(STALE_AT_MOST, () -> titles(feed), List.of("Les métiers du climat")::equals);
    assertEquals(404, send(app.client().put(base + "/sessions/" + sessionId("salon-move", "Atelier CV")), null)
        .statusCode());
    assertEquals(200, send(app.client().delete(base + "/sessions/" + climate), null).statusCode());
    Poll.until(STALE_AT_MOST, () -> titles(feed), List.of()::equals);
    assertEquals(404, send(app.client().get("/api/fairs/salon-dst/selections/nope"), null).statusCode());
  }

  @Test
  void aMoveKeepsTheUidRaisesTheSequenceAndChangesTheEtag() {
    String path = "/calendars/fairs/salon-move.ics";
    HttpResponse<Buffer> first = get(app.client(), path);
    String etag = first.getHeader("ETag");
    VEvent before = event(first.bodyAsString(), "Atelier CV");
    assertEquals(304, conditional(app.client(), path, etag).statusCode());
    assertEquals(304, send(app.client().get(path).putHeader("If-Modified-Since", first.getHeader("Last-Modified")),
        null).statusCode());

    long id = sessionId("salon-move", "Atelier CV");
    ok(organiser.patch("/api/fairs/salon-move/sessions/" + id, new JsonObject()
        .put("starts_at", "2027-03-28T11:00:00+02:00").put("ends_at", "2027-03-28T11:30:00+02:00")));
    HttpResponse<Buffer> moved = Poll.until(STALE_AT_MOST, () -> conditional(app.client(), path, etag),
        response -> response.statusCode() == 200);
    VEvent after = event(moved.bodyAsString(), "Atelier CV");
    assertEquals(before.getUid(), after.getUid());
    assertTrue(sequence(after) > sequence(before));
    assertEquals(Instant.parse("2027-03-28T09:00:00Z"), start(after));
    assertNotEquals(etag, moved.getHeader("ETag"));

    ok(organiser.patch("/api/fairs/salon-move/sessions/" + id, new JsonObject().put("status", "cancelled")));
    VEvent cancelled = Poll.until(STALE_AT_MOST, () -> event(get(app.client(), path).bodyAsString(), "Atelier CV"),
        event -> "CANCELLED".equals(event.getStatus().getValue()));
    assertTrue(sequence(cancelled) > sequence(after));
  }

  @Test
  void placesTakenChangeNeitherTheSequenceNorTheProgrammeFeeds() {
    String path = "/calendars/fairs/salon-dst.ics";
    String etag = get(app.client(), path).getHeader("ETag");
    await(app.pool().preparedQuery("UPDATE sessions SET booked = booked + 1 WHERE fair_id = "
        + "(SELECT id FROM fairs WHERE slug = $1)").execute(Tuple.of("salon-dst")));
    HttpResponse<Buffer> again = get(app.client(), path);
    assertEquals(etag, again.getHeader("ETag"));
    assertEquals(0, sequence(event(again.bodyAsString(), "Atelier CV")));
  }

  @Test
  void headAnswersTheHeadersAlone() {
    String path = "/calendars/fairs/salon-dst.ics";
    HttpResponse<Buffer> head = send(app.client().head(path), null);
    assertEquals(200, head.statusCode());
    assertEquals("text/calendar; charset=utf-8", head.getHeader("Content-Type"));
    assertTrue(head.body() == null || head.body().length() == 0);
    HttpResponse<Buffer> full = get(app.client(), path);
    assertEquals(full.getHeader("ETag"), head.getHeader("ETag"));
    assertEquals(String.valueOf(full.body().length()), head.getHeader("Content-Length"));
    assertEquals(304, send(app.client().head(path).putHeader("If-None-Match", head.getHeader("ETag")), null)
        .statusCode());
  }

  @Test
  void unknownOrDraftFairsHaveNoFeedAndOldClassLinksAreRedirected() {
    organiser.create("/api/fairs", new JsonObject().put("slug", "salon-brouillon").put("name", "Brouillon")
        .put("city", "Pau").put("time_zone", "Europe/Paris").put("days", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("date", "2027-03-28").put("opens_at", "08:30").put("closes_at", "17:30"))));
    assertEquals(404, get(app.client(), "/calendars/fairs/salon-brouillon.ics").statusCode());
    assertEquals(404, get(app.client(), "/calendars/fairs/nope.ics").statusCode());
    assertEquals(404, get(app.client(), "/calendars/fairs/salon-dst/tracks/nope.ics").statusCode());
    assertEquals(404, get(app.client(), "/calendars/selections/nope.ics").statusCode());
    HttpResponse<Buffer> old = send(app.client().get("/calendar/bookings/abc.ics").followRedirects(false), null);
    assertEquals(301, old.statusCode());
    assertEquals("/calendars/bookings/abc.ics", old.getHeader("Location"));
  }

  @Test
  void aChangeThroughOneInstanceReachesAnothersCacheWithinASecond(Vertx vertx) {
    try (TestApp other = TestApp.start(vertx, app.config().dbUrl(), new JsonObject())) {
      String path = "/calendars/fairs/salon-cross/rooms/amphi.ics";
      String etag = get(other.client(), path).getHeader("ETag");
      assertEquals(304, conditional(other.client(), path, etag).statusCode());
      ok(organiser.patch("/api/fairs/salon-cross/sessions/" + sessionId("salon-cross", "Les métiers du climat"),
          new JsonObject().put("title", "Les métiers de la mer")));
      HttpResponse<Buffer> changed = Poll.until(STALE_AT_MOST, () -> conditional(other.client(), path, etag),
          response -> response.statusCode() == 200);
      assertEquals(List.of("Les métiers de la mer"), titlesOf(changed.bodyAsString()));
    }
  }

  private static long sessionId(String fair, String title) {
    return ok(organiser.get("/api/fairs/" + fair)).getJsonArray("sessions").stream().map(JsonObject.class::cast)
        .filter(session -> session.getString("title").equals(title)).findFirst().orElseThrow().getLong("id");
  }

  private static HttpResponse<Buffer> get(WebClient client, String path) {
    return send(client.get(path), null);
  }

  private static HttpResponse<Buffer> conditional(WebClient client, String path, String etag) {
    return send(client.get(path).putHeader("If-None-Match", etag), null);
  }

  private static List<String> titles(String path) {
    HttpResponse<Buffer> response = get(app.client(), path);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return titlesOf(response.bodyAsString());
  }

  private static List<String> titlesOf(String ics) {
    return events(ics).stream().map(event -> event.getSummary().getValue()).toList();
  }

  private static String path(String url) {
    return url.substring(app.config().publicUrl().length());
  }
}
