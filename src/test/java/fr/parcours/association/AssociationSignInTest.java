package fr.parcours.association;

import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.association.AssociationApi.registration;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Associations register themselves and sign in with single-use links sent by message. */
class AssociationSignInTest extends ServerTest {

  private static AssociationApi fair;

  @BeforeAll
  static void buildFair() {
    fair = new AssociationApi(app, "salon-assoc");
  }

  @Test
  void registrationAnswersTheSameWhetherTheEmailIsRegisteredAndTellsTheOwnerInstead() {
    HttpResponse<Buffer> first = fair.register(registration("Océan Propre", "ocean@assoc.test"));
    assertEquals(202, first.statusCode(), first.bodyAsString());
    assertEquals(1, associationsNamed("Océan Propre"));
    assertTrue(fair.lastMessage("ocean@assoc.test", "association_sign_in").getString("body")
        .contains("/associations/sign-in/"), "the first sign-in link is sent at once");

    HttpResponse<Buffer> sameEmail = fair.register(registration("Autre nom", "OCEAN@assoc.test"));
    assertEquals(202, sameEmail.statusCode(), sameEmail.bodyAsString());
    assertEquals(first.bodyAsJsonObject(), sameEmail.bodyAsJsonObject());
    assertEquals(0, associationsNamed("Autre nom"));
    String told = fair.lastMessage("ocean@assoc.test", "association_already_registered").getString("body");
    assertTrue(told.contains("Océan Propre"), told);
    HttpResponse<Buffer> redeemed = fair.redeem(linkIn(told));
    assertEquals("ocean-propre", redeemed.bodyAsJsonObject().getJsonObject("association").getString("slug"));

    HttpResponse<Buffer> sameName = fair.register(registration("océan propre", "autre@assoc.test"));
    assertEquals(409, sameName.statusCode(), sameName.bodyAsString());
    assertEquals(List.of("name"), fields(sameName));
    HttpResponse<Buffer> sameNameAndEmail = fair.register(registration("océan propre", "ocean@assoc.test"));
    assertEquals(409, sameNameAndEmail.statusCode(), "a taken name is refused whatever the email");

    HttpResponse<Buffer> unknownTheme = fair.register(registration("Troisième", "t@assoc.test").put("theme", "nope"));
    assertEquals(422, unknownTheme.statusCode());
    assertEquals(List.of("theme"), fields(unknownTheme));
    HttpResponse<Buffer> incomplete = fair.register(new JsonObject().put("name", "X")
        .put("contact", new JsonObject().put("email", "not an address")));
    assertEquals(400, incomplete.statusCode());
    assertEquals(List.of("theme", "contact.name", "contact.email"), fields(incomplete));
  }

  @Test
  void associationsTheOrganiserCreatesShareTheKeysAndSignInToo() {
    assertEquals(202, fair.register(registration("Ligue de l'enseignement", "ligue@assoc.test")).statusCode());
    HttpResponse<Buffer> sameName = send(as(app.client().post(fair.base + "/associations"), fair.organiser),
        new JsonObject().put("slug", "ligue").put("name", "Ligue de l'Enseignement"));
    assertEquals(409, sameName.statusCode(), sameName.bodyAsString());
    assertEquals(List.of("name"), fields(sameName));

    fair.create(fair.base + "/associations", new JsonObject().put("slug", "unis-cite").put("name", "Unis-Cité")
        .put("track", "s-orienter").put("contact_email", "unis@assoc.test"));
    HttpResponse<Buffer> sameEmail = fair.register(registration("Unis Cité Gironde", "unis@assoc.test"));
    assertEquals(202, sameEmail.statusCode(), sameEmail.bodyAsString());
    assertEquals(1, fair.messageCount("unis@assoc.test"), "the owner is told");
    HttpResponse<Buffer> redeemed = fair.redeem(fair.signInLink("unis@assoc.test"));
    assertEquals("unis-cite", redeemed.bodyAsJsonObject().getJsonObject("association").getString("slug"));
  }

  @Test
  void aNewLinkRetiresTheEarlierOnes() {
    assertEquals(202, fair.register(registration("Vélo Cité", "velo@assoc.test")).statusCode());
    String older = fair.signInLink("velo@assoc.test");
    String newer = fair.signInLink("velo@assoc.test");
    HttpResponse<Buffer> retired = fair.redeem(older);
    assertEquals(401, retired.statusCode(), retired.bodyAsString());
    assertEquals("SIGN_IN_LINK_EXPIRED", retired.bodyAsJsonObject().getString("code"));
    assertEquals(200, fair.redeem(newer).statusCode());
  }

  @Test
  void aUsedLinksPageSaysSoInItsLanguageAndSendsANewOneInOneClick() {
    assertEquals(202, fair.register(registration("Cap Avenir", "cap@assoc.test")).statusCode());
    String link = fair.signInLink("cap@assoc.test");
    assertEquals(200, fair.redeem(link).statusCode());
    long before = fair.messageCount("cap@assoc.test");

    HttpResponse<Buffer> french = linkPage(link, "fr");
    assertEquals(409, french.statusCode());
    assertTrue(french.bodyAsString().contains("a déjà servi"), french.bodyAsString());
    assertFalse(french.bodyAsString().contains("instant"), french.bodyAsString());
    assertTrue(french.bodyAsString().contains("id=\"renew\""), french.bodyAsString());
    assertTrue(linkPage(link, "en").bodyAsString().contains("already used"));

    HttpResponse<Buffer> renewed = PageForms.postFromPage(app, "/associations/sign-in/" + link + "/renew",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, renewed.statusCode(), renewed.bodyAsString());
    assertEquals("/associations?fair=salon-assoc&done=link_renewed", renewed.getHeader("Location"));
    assertEquals(before + 1, fair.messageCount("cap@assoc.test"));
    String fresh = linkIn(fair.lastMessage("cap@assoc.test", "association_sign_in").getString("body"));
    assertEquals(200, linkPage(fresh, "fr").statusCode());
    assertEquals(200, fair.redeem(fresh).statusCode());

    HttpResponse<Buffer> unknown = linkPage("no-such-link", "fr");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("href=\"/associations\""), unknown.bodyAsString());
    assertEquals(404, PageForms.postFromPage(app, "/associations/sign-in/no-such-link/renew",
        MultiMap.caseInsensitiveMultiMap()).statusCode());
  }

  @Test
  void signInLinkWorksOnceAndUnknownEmailsLookTheSame() {
    assertEquals(202, fair.register(registration("Roue Libre", "roue@assoc.test")).statusCode());
    HttpResponse<Buffer> unknown = send(app.client().post(fair.base + "/associations/sign-in"),
        new JsonObject().put("email", "nobody@assoc.test"));
    assertEquals(202, unknown.statusCode());
    assertEquals(0, fair.messageCount("nobody@assoc.test"));

    String link = fair.signInLink("roue@assoc.test");
    JsonObject message = fair.lastMessage("roue@assoc.test", "association_sign_in");
    assertTrue(message.getString("body").contains("30 minutes"), message.getString("body"));
    HttpResponse<Buffer> redeemed = fair.redeem(link);
    assertEquals(200, redeemed.statusCode(), redeemed.bodyAsString());
    String token = redeemed.bodyAsJsonObject().getString("token");

    HttpResponse<Buffer> me = send(as(app.client().get(fair.base + "/associations/me"), token), null);
    assertEquals(200, me.statusCode(), me.bodyAsString());
    assertEquals("Roue Libre", me.bodyAsJsonObject().getString("name"));

    HttpResponse<Buffer> again = fair.redeem(link);
    assertEquals(409, again.statusCode());
    assertEquals("SIGN_IN_LINK_USED", again.bodyAsJsonObject().getString("code"));
    assertEquals(404, fair.redeem("no-such-link").statusCode());
  }

  @Test
  void aLinkRedeemedManyTimesAtOnceOpensOneSession() {
    assertEquals(202, fair.register(registration("Les Petits Débrouillards", "debrouillards@assoc.test")).statusCode());
    String link = fair.signInLink("debrouillards@assoc.test");
    List<Future<HttpResponse<Buffer>>> attempts = IntStream.range(0, 10)
        .mapToObj(i -> app.client().post("/api/associations/sign-in/" + link).send()).toList();
    await(Future.join(attempts));
    assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409, 409, 409),
        attempts.stream().map(a -> a.result().statusCode()).sorted().toList());
  }

  @Test
  void expiredLinkIsRefused() {
    assertEquals(202, fair.register(registration("Énergies Citoyennes", "energie@assoc.test")).statusCode());
    String link = fair.signInLink("energie@assoc.test");
    await(app.pool().query("UPDATE association_sign_in_links SET expires_at = now() - interval '1 minute'").execute());
    HttpResponse<Buffer> expired = fair.redeem(link);
    assertEquals(401, expired.statusCode());
    assertEquals("SIGN_IN_LINK_EXPIRED", expired.bodyAsJsonObject().getString("code"));
  }

  @Test
  void signInPageSetsAProtectedCookieThatOpensTheAssociationPage() {
    assertEquals(202, fair.register(registration("Jardiniers", "jardin@assoc.test")).statusCode());
    String link = fair.signInLink("jardin@assoc.test");
    HttpResponse<Buffer> page = send(app.client().get("/associations/sign-in/" + link), null);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("<form method=\"post\""), page.bodyAsString());

    HttpResponse<Buffer> posted = PageForms.post(app, "/associations/sign-in/" + link, MultiMap.caseInsensitiveMultiMap());
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/associations/me", posted.getHeader("Location"));
    String cookie = posted.cookies().get(0);
    assertTrue(cookie.startsWith(AssociationAuth.COOKIE + "="), cookie);
    assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax"), cookie);
    assertFalse(cookie.contains("Secure"), "plain-http test server: no Secure flag");

    String pair = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<Buffer> home = send(app.client().get("/associations/me").putHeader("Cookie", pair), null);
    assertEquals(200, home.statusCode());
    assertTrue(home.bodyAsString().contains("Jardiniers"), home.bodyAsString());
    HttpResponse<Buffer> used = PageForms.postFromPage(app, "/associations/sign-in/" + link,
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(409, used.statusCode());
    assertTrue(used.bodyAsString().contains("déjà servi"), used.bodyAsString());
  }

  @Test
  void organiserActsForTheFairsAssociationsOnlyAndAssociationsOnlyForThemselves() {
    String atelier = fair.signedIn("Atelier Réparation", "atelier@assoc.test");
    String ecoute = fair.signedIn("Écoute Jeunes", "ecoute@assoc.test");

    HttpResponse<Buffer> byOrganiser = send(as(app.client().get(fair.base + "/associations/atelier-reparation"),
        fair.organiser), null);
    assertEquals(200, byOrganiser.statusCode(), byOrganiser.bodyAsString());
    assertEquals("Atelier Réparation", byOrganiser.bodyAsJsonObject().getString("name"));
    assertEquals(403, send(as(app.client().get(fair.base + "/associations/me"), fair.organiser), null).statusCode());
    String stranger = app.organiserToken("stranger@organiser.test");
    assertEquals(403, send(as(app.client().get(fair.base + "/associations/atelier-reparation"), stranger), null)
        .statusCode());

    assertEquals(403, send(as(app.client().get(fair.base + "/associations/atelier-reparation"), ecoute), null)
        .statusCode());
    assertEquals(200, send(as(app.client().get(fair.base + "/associations/atelier-reparation"), atelier), null)
        .statusCode());
    assertEquals(401, send(app.client().get(fair.base + "/associations/me"), null).statusCode());
    assertEquals(401, send(as(app.client().get(fair.base + "/associations/me"), "forged"), null).statusCode());
  }

  private static HttpResponse<Buffer> linkPage(String link, String language) {
    return send(app.client().get("/associations/sign-in/" + link).putHeader("Accept", "text/html")
        .putHeader("Accept-Language", language), null);
  }

  private static String linkIn(String body) {
    Matcher link = Pattern.compile("/associations/sign-in/([A-Za-z0-9_-]+)").matcher(body);
    assertTrue(link.find(), body);
    return link.group(1);
  }

  private static long associationsNamed(String name) {
    return await(app.pool().preparedQuery("SELECT count(*) FROM associations WHERE name = $1")
        .execute(Tuple.of(name))).iterator().next().getLong(0);
  }

  private static List<String> fields(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
