package fr.parcours.stand;

import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The association's stand form as a browser posts it: once per key, refusals in place, cancellation. */
class StandPagesTest extends ServerTest {

  private static StandApi stands;

  @BeforeAll
  static void buildFair() {
    stands = new StandApi(app, "salon-stand-pages");
    stands.spot("B1", 0, 3, false);
    stands.spot("B2", 4, 3, true);
    stands.spot("B3", 8, 3, false);
  }

  @Test
  void theProgrammesStandMapNamesTheHolderAsSoonAsTheAnswerComesAndForgetsThemOnCancelling() {
    String session = "parcours_association=" + stands.association("Club Cerfs-Volants");
    assertFalse(programme().contains("data-spot-holder=\"B3\""), "prepared before the reservation");
    assertEquals(303, post("/associations/me/stands", reservation("day", "B3").add("idempotency_key", "map"), session)
        .statusCode());
    // Asked straight after the answer, before the change notification could come round.
    assertTrue(programme().contains("data-spot-holder=\"B3\">"), "the map read back at once");
    String id = between(page(session), "data-reservation=\"", "\"");
    assertEquals(303, post("/associations/me/stands/" + id + "/cancel", MultiMap.caseInsensitiveMultiMap(), session)
        .statusCode());
    assertFalse(programme().contains("data-spot-holder=\"B3\""), "the cancelled holder gone at once");
  }

  @Test
  void aResubmittedFormReservesOnceAndASecondStandForThePeriodIsRefusedNextToItsField() {
    String session = "parcours_association=" + stands.association("Robotique Jeunes");
    MultiMap form = reservation("morning", "B2").add("idempotency_key", "form-1");
    assertEquals(303, post("/associations/me/stands", form, session).statusCode());
    assertEquals(303, post("/associations/me/stands", form, session).statusCode(), "the same form again");
    String page = page(session);
    assertEquals(1, count(page, "data-reservation="), "reserved once");
    assertTrue(page.contains("data-status=\"confirmed\""));
    assertFalse(page.contains("data-spot=\"B2\""), "B2 is no longer offered this morning");

    HttpResponse<Buffer> second = post("/associations/me/stands", reservation("day", "B1")
        .add("idempotency_key", "form-2"), session);
    assertEquals(409, second.statusCode(), second.bodyAsString());
    assertTrue(second.bodyAsString().contains("id=\"e-period\""), "the refusal sits next to the period");

    String id = between(page, "data-reservation=\"", "\"");
    assertEquals(303, post("/associations/me/stands/" + id + "/cancel", MultiMap.caseInsensitiveMultiMap(), session)
        .statusCode());
    String after = page(session);
    assertEquals(0, count(after, "data-reservation="), "a cancelled reservation is no longer held");
    assertTrue(after.contains("data-spot=\"B2\""), "B2 is free again");
  }

  @Test
  void anotherAssociationWaitsForATakenSpot() {
    String first = "parcours_association=" + stands.association("Club Nature");
    String second = "parcours_association=" + stands.association("Club Astro");
    assertEquals(303, post("/associations/me/stands", reservation("afternoon", "B1").add("idempotency_key", "a"), first)
        .statusCode());
    assertEquals(303, post("/associations/me/stands", reservation("afternoon", "B1").add("idempotency_key", "b"), second)
        .statusCode());
    assertTrue(page(second).contains("data-status=\"waiting\""));
  }

  @Test
  void aTamperedPeriodIsRefusedInTheFormsOwnWordsInFrenchAndEnglish() {
    String session = "; parcours_association=" + stands.association("Club Échecs");
    for (String language : java.util.List.of("fr", "en")) {
      HttpResponse<Buffer> refused = PageForms.postInLanguage(app, "/associations/me/stands",
          reservation("evening", "B1").add("idempotency_key", "tampered-" + language), language, session);
      assertEquals(400, refused.statusCode(), refused.bodyAsString());
      String error = between(refused.bodyAsString(), "id=\"e-period\">", "<");
      assertEquals(language.equals("fr") ? "doit être « Toute la journée », « Matin » ou « Après-midi »"
          : "must be “The whole day”, “Morning” or “Afternoon”", error);
      assertFalse(refused.bodyAsString().contains("day, morning, afternoon"), "never the API's names");
    }
  }

  private static MultiMap reservation(String period, String spot) {
    return MultiMap.caseInsensitiveMultiMap().add("day", "2027-03-18").add("period", period).add("spot", spot);
  }

  private static HttpResponse<Buffer> post(String path, MultiMap form, String session) {
    return PageForms.postSignedIn(app, path, form, session);
  }

  private static String page(String session) {
    HttpResponse<Buffer> page = await(app.client().get("/associations/me/stands?period=morning")
        .putHeader("Cookie", session).send());
    assertEquals(200, page.statusCode());
    return page.bodyAsString();
  }

  private static String programme() {
    HttpResponse<Buffer> page = await(app.client().get("/fairs/salon-stand-pages").send());
    assertEquals(200, page.statusCode());
    return page.bodyAsString();
  }

  private static int count(String text, String part) {
    return text.split(part, -1).length - 1;
  }

  private static String between(String text, String before, String after) {
    int start = text.indexOf(before) + before.length();
    return text.substring(start, text.indexOf(after, start));
  }
}
