package fr.parcours.association;

import fr.parcours.stand.StandApi;
import fr.parcours.support.LanguageCheck;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.association.AssociationApi.offer;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An association is written to in the language it registered in (its page's or
 * Accept-Language, else the fair's), that one only: when its offer is decided, when it is
 * placed in the programme (one email per placement) and when its stand is confirmed (its zone
 * named as people read it, never by its slug).
 */
class AssociationMessagesTest extends ServerTest {

  private static final List<String> DATA = List.of("Salon salon-mails", "Ocean Friends", "Océan Propre",
      "Sea jobs", "Les métiers de la mer", "Amphi", "Hall des associations", "Camille Martin");

  private static StandApi stands;
  private static AssociationApi fair;

  @BeforeAll
  static void fairWithARoomAndAStandHall() {
    stands = new StandApi(app, "salon-mails");
    fair = stands.fair;
    fair.room("amphi", "Amphi", 120);
    stands.spot("A1", 0, 3, false);
    stands.spot("A2", 3, 3, false);
    assertEquals(200, send(TestApp.authorized(app.client().patch(fair.base + "/zones/hall"), fair.organiser),
        new JsonObject().put("name", "Hall des associations")).statusCode());
  }

  @Test
  void anEnglishAssociationGetsEnglishEmailsOnePerPlacement() {
    String token = registered("Ocean Friends", "friends@mails.test", "en");
    long id = fair.accepted(token, offer("Sea jobs", 2, "09:00", "12:00"));
    assertOneLanguage(fair.lastMessage("friends@mails.test", "offer_accept"), "en");

    fair.place(id, "amphi", "09:00", 200);
    JsonObject placed = fair.lastMessage("friends@mails.test", "offer_placed");
    assertOneLanguage(placed, "en");
    assertTrue(placed.getString("body").contains("Thursday 18 March 2027, 9:00–9:30: Amphi"), placed.getString("body"));
    assertEquals(1, mails("friends@mails.test", "offer_placed"), "one placement, one email");

    assertEquals(201, stands.reserve(token, StandApi.forSpot("morning", "A1")).statusCode());
    JsonObject stand = fair.lastMessage("friends@mails.test", "stand_confirmed");
    assertOneLanguage(stand, "en");
    assertTrue(stand.getString("body").contains("Stand no. A1 (zone Hall des associations)"), stand.getString("body"));
  }

  @Test
  void aFrenchAssociationGetsFrenchEmails() {
    String token = registered("Océan Propre", "ocean@mails.test", "fr");
    long id = fair.accepted(token, offer("Les métiers de la mer", 2, "09:00", "12:00"));
    fair.place(id, "amphi", "10:00", 200);
    JsonObject placed = fair.lastMessage("ocean@mails.test", "offer_placed");
    assertOneLanguage(placed, "fr");
    assertTrue(placed.getString("body").contains("jeudi 18 mars 2027, 10 h–10 h 30 : Amphi"), placed.getString("body"));
    assertTrue(placed.getString("subject").startsWith("Au programme : Les métiers de la mer"));

    assertEquals(201, stands.reserve(token, StandApi.forSpot("afternoon", "A2")).statusCode());
    JsonObject stand = fair.lastMessage("ocean@mails.test", "stand_confirmed");
    assertOneLanguage(stand, "fr");
    assertTrue(stand.getString("body").contains("Stand n° A2 (zone Hall des associations)"), stand.getString("body"));
  }

  /** Registers through the API in {@code language} (Accept-Language) and signs in: the session token. */
  private static String registered(String name, String email, String language) {
    HttpResponse<Buffer> registered = send(app.client().post(fair.base + "/associations/registrations")
        .putHeader("Accept-Language", language), AssociationApi.registration(name, email));
    assertEquals(202, registered.statusCode(), registered.bodyAsString());
    return fair.redeem(fair.signInLink(email)).bodyAsJsonObject().getString("token");
  }

  private static void assertOneLanguage(JsonObject mail, String language) {
    String text = mail.getString("subject") + "\n" + mail.getString("body");
    List<String> foreign = LanguageCheck.foreignWords(text, language, DATA);
    assertTrue(foreign.isEmpty(), "a " + language + " email holds " + foreign + ":\n" + text);
  }

  private static long mails(String recipient, String kind) {
    return await(app.pool().preparedQuery("SELECT count(*) FROM outbox WHERE recipient = $1 AND kind = $2")
        .execute(Tuple.of(recipient, kind))).iterator().next().getLong(0);
  }
}
