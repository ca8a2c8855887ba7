package fr.parcours.association;

import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The association area's forms as a browser posts them, with and without a session. */
class AssociationPagesTest extends ServerTest {

  private static AssociationApi fair;

  @BeforeAll
  static void buildFair() {
    fair = new AssociationApi(app, "salon-pages");
  }

  @Test
  void askingForALinkAnswersTheSameWhetherTheAddressIsKnownOrNot() {
    String token = fair.signedIn("Les Petits Débrouillards", "debrouillards@pages.test");
    long before = fair.messageCount("debrouillards@pages.test");
    HttpResponse<Buffer> known = signInRequest("debrouillards@pages.test");
    HttpResponse<Buffer> unknown = signInRequest("personne@pages.test");
    assertEquals(303, known.statusCode());
    assertEquals(known.getHeader("Location"), unknown.getHeader("Location"));
    assertEquals("/associations?fair=salon-pages&done=link_sent", known.getHeader("Location"));
    assertEquals(before + 1, fair.messageCount("debrouillards@pages.test"));
    assertEquals(0, fair.messageCount("personne@pages.test"));

    HttpResponse<Buffer> blank = signInRequest(" ");
    assertEquals(400, blank.statusCode());
    assertTrue(blank.bodyAsString().contains("id=\"e-email\""), "the error sits next to the field");
    assertTrue(token.length() > 20);
  }

  @Test
  void registrationRefusalsShowNextToTheirFieldsWithWhatWasTyped() {
    HttpResponse<Buffer> refused = PageForms.postFromPage(app, "/associations/register", MultiMap.caseInsensitiveMultiMap()
        .add("fair", fair.slug).add("name", "Atelier <b>Bois</b>").add("theme", "s-orienter")
        .add("contact.name", "Léa").add("contact.email", "pas une adresse").add("website", "ftp://bois"));
    assertEquals(400, refused.statusCode());
    String page = refused.bodyAsString();
    assertTrue(page.contains("id=\"e-contact_email\"") && page.contains("id=\"e-website\""), page);
    assertTrue(page.contains("value=\"Atelier &lt;b&gt;Bois&lt;/b&gt;\""), "typed text kept, escaped");
    assertEquals(0, fair.messageCount("pas une adresse"));

    HttpResponse<Buffer> unknownFair = PageForms.postFromPage(app, "/associations/register",
        MultiMap.caseInsensitiveMultiMap().add("fair", "nowhere").add("name", "X"));
    assertEquals(404, unknownFair.statusCode());
  }

  @Test
  void signedInPagesNeedTheSessionAndSigningOutEndsIt() {
    String session = "parcours_association=" + fair.signedIn("Bois et Forêts", "bois@pages.test");
    assertEquals(303, await(app.client().get("/associations/me").followRedirects(false).send()).statusCode());
    assertEquals(200, page("/associations/me", session).statusCode());

    HttpResponse<Buffer> withdrawn = PageForms.postSignedIn(app, "/associations/me/offers/"
        + proposed(session) + "/withdraw", MultiMap.caseInsensitiveMultiMap(), session);
    assertEquals(303, withdrawn.statusCode(), withdrawn.bodyAsString());
    assertTrue(page("/associations/me", session).bodyAsString().contains("data-status=\"withdrawn\""));

    HttpResponse<Buffer> out = PageForms.postSignedIn(app, "/associations/sign-out", MultiMap.caseInsensitiveMultiMap(),
        session);
    assertEquals("/associations?done=signed_out", out.getHeader("Location"));
    assertTrue(out.cookies().stream().anyMatch(c -> c.startsWith("parcours_association=;") && c.contains("Max-Age=0")),
        out.cookies().toString());
    HttpResponse<Buffer> after = page("/associations/me", session);
    assertEquals(303, after.statusCode(), "the token was deleted: the old cookie opens nothing");
    assertEquals("/associations", after.getHeader("Location"));
  }

  @Test
  void theAssociationGetsItsOwnFeedLinkAndNoOneElses() {
    String token = fair.signedIn("Voile Solidaire", "voile@pages.test");
    HttpResponse<Buffer> own = send(as(app.client().get(fair.base + "/associations/me/calendar"), token), null);
    assertEquals(200, own.statusCode(), own.bodyAsString());
    JsonObject feed = own.bodyAsJsonObject();
    assertEquals("voile-solidaire", feed.getString("association"));
    HttpResponse<Buffer> byOrganiser = send(as(app.client().get(fair.base + "/associations/voile-solidaire/calendar"),
        fair.organiser), null);
    assertEquals(feed.getString("calendar_url"), byOrganiser.bodyAsJsonObject().getString("calendar_url"));
    fair.signedIn("Autre Asso", "autre@pages.test");
    assertEquals(403, send(as(app.client().get(fair.base + "/associations/autre-asso/calendar"), token), null)
        .statusCode());
  }

  private static long proposed(String session) {
    HttpResponse<Buffer> created = PageForms.postSignedIn(app, "/associations/me/offers", MultiMap.caseInsensitiveMultiMap()
        .add("kind", "workshop").add("theme", "s-orienter").add("title", "Atelier bois").add("people", "2")
        .add("duration_minutes", "45").add("window_day", AssociationApi.DAY).add("window_start", "09:00")
        .add("window_end", "12:00").add("window_day", AssociationApi.DAY).add("window_start", "")
        .add("window_end", ""), session);
    assertEquals(303, created.statusCode(), created.bodyAsString());
    String home = page("/associations/me", session).bodyAsString();
    int at = home.indexOf("data-offer=\"") + "data-offer=\"".length();
    return Long.parseLong(home.substring(at, home.indexOf('"', at)));
  }

  private static HttpResponse<Buffer> signInRequest(String email) {
    return PageForms.postFromPage(app, "/associations/sign-in", MultiMap.caseInsensitiveMultiMap()
        .add("fair", fair.slug).add("email", email));
  }

  private static HttpResponse<Buffer> page(String path, String session) {
    return await(app.client().get(path).putHeader("Cookie", session).putHeader("Accept", "text/html")
        .followRedirects(false).send());
  }
}
