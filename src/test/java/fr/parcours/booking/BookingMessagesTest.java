package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.LanguageCheck;
import fr.parcours.support.PageForms;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher's emails speak the language of the page (or Accept-Language) the booking was made
 * from, else the fair's, and that language only; the confirmation says where the venue is.
 */
class BookingMessagesTest extends BookingTestServer {

  /** What the messages quote as it is: the fixture fair's names, titles and addresses. */
  private static final List<String> DATA = List.of("Collège Jean Moulin", "Mme Durand", "S'orienter", "Hôtel de Région",
      "14 rue François de Sourdis", "Bordeaux", "Atelier Cv", "Metiers Numerique", "Temoignage", "Salle atelier-cv",
      "Salle metiers-numerique", "Salle temoignage");

  @Test
  void aBookingFromAFrenchPageGetsAFrenchEmailWithTheVenue() {
    Fair fair = BookingFixtures.fair(app, "mail-fr", 60);
    assertEquals(303, PageForms.postInLanguage(app, "/fairs/" + fair.slug() + "/book",
        BookingFixtures.form("mail-fr-1"), "fr", "").statusCode());

    JsonObject mail = lastMail(fair, "booking_confirmed");
    assertOneLanguage(mail, "fr", fair);
    assertTrue(mail.getString("subject").startsWith("Inscription confirmée : 3e D"), mail.getString("subject"));
    String body = mail.getString("body");
    assertTrue(body.contains("Lieu : Hôtel de Région, 14 rue François de Sourdis, Bordeaux"), body);
    assertTrue(body.contains("jeudi 14 janvier 2027") && body.contains("9 h–9 h 30"), body);
    assertTrue(body.contains("25 élèves, 2 accompagnateurs"), body);
    // The entrance's code and its QR code: what staff check the class in with on the day.
    long id = BookingFixtures.single(app, "SELECT id FROM bookings WHERE fair_id = $1", Tuple.of(fair.id()));
    assertTrue(body.contains("Code d'entrée de la classe : " + CheckInCode.of(id) + "."), body);
    assertTrue(body.matches("(?s).*/manage/[\\w-]+/check-in\\.svg.*"), body);
  }

  @Test
  void aBookingFromAnEnglishPageGetsAnEnglishEmailAndItsLaterOnesToo() {
    Fair fair = BookingFixtures.fair(app, "mail-en", 60);
    HttpResponse<Buffer> booked = PageForms.postInLanguage(app, "/fairs/" + fair.slug() + "/book",
        BookingFixtures.form("mail-en-1"), "en", "");
    assertEquals(303, booked.statusCode());

    JsonObject mail = lastMail(fair, "booking_confirmed");
    assertOneLanguage(mail, "en", fair);
    assertTrue(mail.getString("subject").startsWith("Booking confirmed: 3e D"), mail.getString("subject"));
    String body = mail.getString("body");
    assertTrue(body.contains("Venue: Hôtel de Région, 14 rue François de Sourdis, Bordeaux"), body);
    assertTrue(body.contains("Thursday 14 January 2027") && body.contains("9:00–9:30"), body);

    // Cancelled later through the API with no language named: still the booking's language.
    String token = booked.getHeader("Location").replaceFirst(".*/manage/", "").replaceFirst("\\?.*", "");
    assertEquals(200, send(app.client().delete("/api/bookings/" + token), null).statusCode());
    assertOneLanguage(lastMail(fair, "booking_cancelled"), "en", fair);
  }

  @Test
  void theApiBooksInTheAcceptedLanguageElseInTheFairs() {
    Fair fair = BookingFixtures.fair(app, "mail-api", 60);
    assertEquals(201, send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "api-en").putHeader("Accept-Language", "en-GB, en;q=0.8"),
        BookingFixtures.request("0330023A", "3e E", 25, 2)).statusCode());
    assertOneLanguage(lastMail(fair, "booking_confirmed"), "en", fair);

    BookingFixtures.exec(app, "UPDATE fairs SET language = 'en' WHERE id = $1", Tuple.of(fair.id()));
    assertEquals(201, api.book(fair.slug(), BookingFixtures.request("0330024B", "3e F", 25, 2)).statusCode());
    JsonObject fairs = lastMail(fair, "booking_confirmed");
    assertTrue(fairs.getString("subject").contains("3e F"));
    assertOneLanguage(fairs, "en", fair);
  }

  private static void assertOneLanguage(JsonObject mail, String language, Fair fair) {
    List<String> data = new java.util.ArrayList<>(DATA);
    data.add("Teen's Up " + fair.slug());
    String text = mail.getString("subject") + "\n" + mail.getString("body");
    List<String> foreign = LanguageCheck.foreignWords(text, language, data);
    assertTrue(foreign.isEmpty(), "a " + language + " email holds " + foreign + ":\n" + text);
  }

  private static JsonObject lastMail(Fair fair, String kind) {
    Row row = await(app.pool().preparedQuery("SELECT o.subject, o.body FROM outbox o WHERE o.kind = $2 AND "
            + "o.recipient IN (SELECT teacher_email FROM bookings WHERE fair_id = $1) ORDER BY o.id DESC LIMIT 1")
        .execute(Tuple.of(fair.id(), kind))).iterator().next();
    return new JsonObject().put("subject", row.getString("subject")).put("body", row.getString("body"));
  }
}
