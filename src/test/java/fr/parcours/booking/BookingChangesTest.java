package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.booking.BookingRoutesTest.shortWindow;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes and cancellations on a track whose 09:00–10:50 window holds three showings of each
 * activity (capacity 30): who fits where is forced by the headcounts, not by tie-breaks.
 */
class BookingChangesTest extends BookingTestServer {


  @Test
  void growingPastCapacityKeepsTheRouteAndShrinkingOrCancellingPromotesTheWaitingList() throws Exception {
    Fair fair = BookingFixtures.fair(app, "changes", 30);
    JsonObject a = book(fair, "3e A", 18, 2);   // 20 people
    JsonObject b = book(fair, "3e B", 23, 2);   // 25: cannot sit with A
    book(fair, "3e C", 23, 2);                  // 25: the last free showings
    JsonObject d = book(fair, "3e D", 8, 2);    // 10: only beside A
    assertEquals(a.getJsonArray("route"), d.getJsonArray("route"));

    HttpResponse<Buffer> grow = api.change(a, new JsonObject().put("pupils", 19));
    assertEquals(409, grow.statusCode(), grow.bodyAsString());
    assertEquals("ROUTE_UNAVAILABLE", grow.bodyAsJsonObject().getString("code"));
    assertEquals(a, api.show(a).bodyAsJsonObject(), "nothing changed");

    JsonObject e = book(fair, "3e E", 8, 2);    // 10: waits
    JsonObject f = book(fair, "3e F", 23, 2);   // 25: waits behind E
    assertEquals(1, e.getInteger("waitlist_position"));
    assertEquals(2, f.getInteger("waitlist_position"));

    JsonObject shrunk = api.change(a, new JsonObject().put("pupils", 8)).bodyAsJsonObject();
    assertEquals(10, shrunk.getInteger("pupils") + shrunk.getInteger("adults"));
    assertEquals("confirmed", api.show(e).bodyAsJsonObject().getString("status"), "E takes the freed seats");
    assertEquals(1, api.show(f).bodyAsJsonObject().getInteger("waitlist_position"));

    HttpResponse<Buffer> cancelled = api.cancel(b);
    assertEquals(200, cancelled.statusCode());
    assertEquals("cancelled", cancelled.bodyAsJsonObject().getString("status"));
    assertTrue(cancelled.bodyAsJsonObject().getJsonArray("route").isEmpty());
    JsonObject promoted = api.show(f).bodyAsJsonObject();
    assertEquals("confirmed", promoted.getString("status"));
    assertEquals(b.getJsonArray("route"), promoted.getJsonArray("route"));
    assertEquals("cancelled", api.cancel(b).bodyAsJsonObject().getString("status"), "cancelling twice is harmless");

    String mail = promotionMailTo(f.getJsonObject("teacher").getString("email"));
    assertTrue(mail.contains("Bonne nouvelle"), mail);
    assertFalse(mail.contains("Good news"), "in the booking's language only");
    assertTrue(mail.contains(f.getString("manage_url")), mail);
    assertTrue(mail.contains("9 h"), "the route in local time, as French writes it");
    assertSessionsMatchBookings(fair);
  }

  @Test
  void csvExportsParseBackWithEveryField() {
    Fair fair = BookingFixtures.fair(app, "exports", 30);
    JsonObject body = request("0330023A", "3e \"Les Pins\"", 25, 2);
    body.getJsonObject("school").put("name", "Collège Montaigne; site Sud");
    JsonObject booked = api.book(fair.slug(), shortWindow(body)).bodyAsJsonObject();
    book(fair, "=2+3", 10, 1);

    HttpResponse<Buffer> csv = send(TestApp.authorized(app.client().get("/api/fairs/exports/bookings.csv"),
        fair.ownerToken()), null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
    List<List<String>> rows = parseCsv(csv.bodyAsString(StandardCharsets.UTF_8.name()));
    assertEquals("school", rows.get(0).get(0));
    List<String> montaigne = rows.stream().filter(r -> r.get(0).startsWith("Collège Montaigne")).findFirst().orElseThrow();
    assertEquals(List.of("Collège Montaigne; site Sud", "0330023A", "Bordeaux", "3e \"Les Pins\"", "3e"),
        montaigne.subList(0, 5));
    assertEquals("confirmed", montaigne.get(13));
    assertTrue(rows.stream().anyMatch(r -> r.get(3).equals("'=2+3")), "formulas are defused");

    long session = booked.getJsonArray("route").getJsonObject(0).getLong("session");
    HttpResponse<Buffer> attendees = send(TestApp.authorized(app.client()
        .get("/api/fairs/exports/sessions/" + session + "/attendees.csv"), fair.ownerToken()), null);
    List<List<String>> lines = parseCsv(attendees.bodyAsString(StandardCharsets.UTF_8.name()));
    assertEquals(List.of("Collège Montaigne; site Sud", "0330023A", "3e \"Les Pins\"", "3e", "Mme Durand"),
        lines.get(1).subList(0, 5));
    assertEquals("27", lines.get(1).get(8));
    assertEquals(404, send(TestApp.authorized(app.client().get("/api/fairs/exports/sessions/999999/attendees.csv"),
        fair.ownerToken()), null).statusCode());
  }

  private static JsonObject book(Fair fair, String className, int pupils, int adults) {
    HttpResponse<Buffer> response = api.book(fair.slug(), shortWindow(request("0330023A", className, pupils, adults)));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static void assertSessionsMatchBookings(Fair fair) {
    long mismatches = BookingFixtures.single(app, "SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> "
        + "(SELECT coalesce(sum(bs.people), 0) FROM held_places bs WHERE bs.session_id = s.id)",
        io.vertx.sqlclient.Tuple.of(fair.id()));
    assertEquals(0, mismatches);
  }

  /** Waits for the outbox worker (the NOTIFY may already have it draining) to write the mail. */
  private static String promotionMailTo(String email) throws Exception {
    return decoded(Poll.until(Duration.ofSeconds(5), () -> {
      await(app.application().deliverMessages());
      for (Path file : promotionFiles()) {
        if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(email)) {
          return file;
        }
      }
      return null;
    }, file -> file != null));
  }

  private static List<Path> promotionFiles() throws Exception {
    Path dir = app.config().dataDir().resolve("mail");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith("booking_promoted.eml")).toList();
    }
  }

  private static String decoded(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
      return (String) message.getContent();
    }
  }

  /** A small RFC 4180 reader for ';'-separated text with a BOM: enough to read our exports back. */
  static List<List<String>> parseCsv(String text) {
    assertTrue(text.startsWith("\uFEFF"), "UTF-8 BOM for Excel");
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (!quoted && c == '\r') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
