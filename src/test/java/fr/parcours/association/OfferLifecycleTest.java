package fr.parcours.association;

import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.association.AssociationApi.DAY;
import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An offer from proposal to decision, through HTTP, and who may see or touch it. */
class OfferLifecycleTest extends ServerTest {

  private static AssociationApi fair;
  private static String ocean;
  private static String roue;

  @BeforeAll
  static void buildFair() {
    fair = new AssociationApi(app, "salon-offres");
    ocean = fair.signedIn("Océan Propre", "ocean@offres.test");
    roue = fair.signedIn("Roue Libre", "roue@offres.test");
  }

  static JsonObject talk(String title) {
    return new JsonObject().put("kind", "talk").put("theme", "s-orienter").put("title", title)
        .put("audience", "3e").put("people", 2)
        .put("availability", new JsonArray().add(new JsonObject()
            .put("starts_at", DAY + "T09:00:00+01:00").put("ends_at", DAY + "T12:00:00+01:00")))
        .put("trades", new JsonArray().add("Océanographe").add("Technicienne de laboratoire"))
        .put("needs", new JsonObject().put("power", true).put("screen", true));
  }

  @Test
  void offerIsProposedChangedOnRequestResubmittedAndAccepted() {
    JsonObject proposed = post("/associations/me/offers", ocean, talk("Les métiers de la mer"), 201);
    long id = proposed.getLong("id");
    assertEquals("submitted", proposed.getString("status"));
    assertEquals(30, proposed.getInteger("duration_minutes"), "talks last 30 minutes unless told");
    assertEquals("ocean-propre", proposed.getJsonObject("association").getString("slug"));
    assertEquals(List.of("Océanographe", "Technicienne de laboratoire"), proposed.getJsonArray("trades").getList());
    assertEquals(DAY + "T09:00:00+01:00", proposed.getJsonArray("availability").getJsonObject(0).getString("starts_at"));
    assertEquals(new JsonObject().put("power", true).put("tables", 0).put("screen", true), proposed.getJsonObject("needs"));

    JsonObject edited = patch(ocean, id, new JsonObject().put("people", 3), 200);
    assertEquals(3, edited.getInteger("people"));
    assertEquals("Les métiers de la mer", edited.getString("title"), "fields not sent stay");

    JsonObject asked = review(id, new JsonObject().put("decision", "request_changes")
        .put("message", "Pouvez-vous viser les 2nde ?"), 200);
    assertEquals("changes_requested", asked.getString("status"));
    JsonObject told = fair.lastMessage("ocean@offres.test", "offer_request_changes");
    assertTrue(told.getString("body").contains("Pouvez-vous viser les 2nde ?"), told.getString("body"));
    assertTrue(told.getString("body").contains("Les métiers de la mer"), told.getString("body"));

    JsonObject resubmitted = patch(ocean, id, new JsonObject().put("audience", "2nde"), 200);
    assertEquals("submitted", resubmitted.getString("status"));
    assertEquals("2nde", resubmitted.getString("audience"));

    assertEquals("accepted", review(id, new JsonObject().put("decision", "accept"), 200).getString("status"));
    assertTrue(fair.lastMessage("ocean@offres.test", "offer_accept").getString("subject").contains("acceptée"));
    assertEquals("OFFER_DECIDED", patch(ocean, id, new JsonObject().put("people", 1), 409).getString("code"));
    assertEquals("OFFER_DECIDED", post("/associations/me/offers/" + id + "/withdraw", ocean, null, 409)
        .getString("code"));
  }

  @Test
  void declineNeedsAMessageAndWithdrawnOffersAreFinal() {
    long declined = post("/associations/me/offers", roue, talk("Réparer son vélo"), 201).getLong("id");
    HttpResponse<Buffer> silent = send(as(app.client().post(fair.base + "/offers/" + declined + "/review"),
        fair.organiser), new JsonObject().put("decision", "decline"));
    assertEquals(400, silent.statusCode());
    assertEquals("message", silent.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    assertEquals("declined", review(declined, new JsonObject().put("decision", "decline")
        .put("message", "Le programme est complet."), 200).getString("status"));
    assertTrue(fair.lastMessage("roue@offres.test", "offer_decline").getString("body")
        .contains("Le programme est complet."));

    long withdrawn = post("/associations/me/offers", roue, talk("Le métier de mécanicien"), 201).getLong("id");
    assertEquals("withdrawn", post("/associations/me/offers/" + withdrawn + "/withdraw", roue, null, 200)
        .getString("status"));
    assertEquals("OFFER_DECIDED", review(withdrawn, new JsonObject().put("decision", "accept"), 409).getString("code"));
  }

  @Test
  void badOffersAreRefusedNamingEachField() {
    JsonObject bad = new JsonObject().put("kind", "workshop").put("theme", "s-orienter").put("title", "Atelier")
        .put("people", 0).put("trades", new JsonArray().add(""))
        .put("availability", new JsonArray().add(new JsonObject()
            .put("starts_at", DAY + "T18:00:00+01:00").put("ends_at", DAY + "T19:00:00+01:00")));
    JsonObject refused = post("/associations/me/offers", ocean, bad, 400);
    List<String> fields = refused.getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("field")).toList();
    assertEquals(List.of("duration_minutes", "people", "availability[0].starts_at", "trades[0]"), fields);
    assertEquals(422, send(as(app.client().post(fair.base + "/associations/me/offers"), ocean),
        talk("X").put("theme", "inconnu")).statusCode());
  }

  @Test
  void associationsNeverSeeOrTouchAnothersOffersAndOnlyOrganisersReview() {
    long oceans = post("/associations/me/offers", ocean, talk("Plongée"), 201).getLong("id");
    String path = fair.base + "/associations/me/offers/" + oceans;
    assertEquals(404, send(as(app.client().get(path), roue), null).statusCode());
    assertEquals(404, send(as(app.client().patch(path), roue), new JsonObject().put("title", "Volé")).statusCode());
    assertEquals(404, send(as(app.client().post(path + "/withdraw"), roue), null).statusCode());
    assertEquals(403, send(as(app.client().get(fair.base + "/associations/ocean-propre/offers"), roue), null)
        .statusCode());
    assertTrue(send(as(app.client().get(fair.base + "/associations/me/offers"), roue), null).bodyAsJsonArray()
        .stream().noneMatch(o -> ((JsonObject) o).getLong("id") == oceans));

    assertEquals(401, send(as(app.client().post(fair.base + "/offers/" + oceans + "/review"), ocean),
        new JsonObject().put("decision", "accept")).statusCode());
    assertEquals(401, send(as(app.client().get(fair.base + "/offers"), ocean), null).statusCode());
    String stranger = app.organiserToken("stranger@offres.test");
    assertEquals(403, send(as(app.client().post(fair.base + "/offers/" + oceans + "/review"), stranger),
        new JsonObject().put("decision", "accept")).statusCode());

    HttpResponse<Buffer> onBehalf = send(as(app.client().get(fair.base + "/associations/ocean-propre/offers/" + oceans),
        fair.organiser), null);
    assertEquals(200, onBehalf.statusCode(), onBehalf.bodyAsString());
    JsonArray submitted = send(as(app.client().get(fair.base + "/offers?status=submitted"), fair.organiser), null)
        .bodyAsJsonArray();
    assertTrue(submitted.stream().anyMatch(o -> ((JsonObject) o).getLong("id") == oceans));
  }

  private static JsonObject post(String path, String token, JsonObject body, int status) {
    HttpResponse<Buffer> response = send(as(app.client().post(fair.base + path), token), body);
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static JsonObject patch(String token, long id, JsonObject body, int status) {
    HttpResponse<Buffer> response = send(as(app.client().patch(fair.base + "/associations/me/offers/" + id), token), body);
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static JsonObject review(long id, JsonObject body, int status) {
    HttpResponse<Buffer> response = send(as(app.client().post(fair.base + "/offers/" + id + "/review"),
        fair.organiser), body);
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
