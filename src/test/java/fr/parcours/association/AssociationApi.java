package fr.parcours.association;

import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair built through the organiser API for association tests, and the association's side:
 * registration, sign-in through the link the outbox holds, calls with its session token.
 * The fair: one day (18 March 2027, 08:30–17:00 Paris time), registration open, venue "hotel",
 * track "s-orienter" (class size 30), published.
 */
public final class AssociationApi {

  public static final String DAY = "2027-03-18";
  private static final Pattern LINK = Pattern.compile("/associations/sign-in/([A-Za-z0-9_-]+)");

  public final TestApp app;
  public final String slug;
  public final String base;
  public final String organiser;

  public AssociationApi(TestApp app, String slug) {
    this(app, slug, app.organiserToken(slug + "@organiser.test"));
    create("/api/fairs", new JsonObject().put("slug", slug).put("name", "Salon " + slug)
        .put("city", "Bordeaux").put("time_zone", "Europe/Paris").put("status", "published")
        .put("days", new JsonArray().add(new JsonObject().put("date", DAY).put("opens_at", "08:30")
            .put("closes_at", "17:00")))
        .put("registration_opens_at", "2020-01-01T00:00:00Z").put("registration_closes_at", "2100-01-01T00:00:00Z"));
    create(base + "/venues", new JsonObject().put("slug", "hotel").put("name", "Hôtel de Région")
        .put("address", "14 rue François de Sourdis").put("city", "Bordeaux"));
    create(base + "/tracks", new JsonObject().put("slug", "s-orienter").put("name", "S'orienter"));
  }

  private AssociationApi(TestApp app, String slug, String organiser) {
    this.app = app;
    this.slug = slug;
    this.base = "/api/fairs/" + slug;
    this.organiser = organiser;
  }

  /** The association's side of a fair that already exists (the demo's): no organiser calls. */
  public static AssociationApi of(TestApp app, String slug) {
    return new AssociationApi(app, slug, null);
  }

  /** POSTs as the organiser and asserts it was created. */
  public JsonObject create(String path, JsonObject body) {
    HttpResponse<Buffer> response = send(TestApp.authorized(app.client().post(path), organiser), body);
    assertEquals(201, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  static JsonObject registration(String name, String email) {
    return new JsonObject().put("name", name).put("theme", "s-orienter")
        .put("contact", new JsonObject().put("name", "Camille Martin").put("email", email))
        .put("website", "https://example.org").put("description", "Des bénévoles passionnés.");
  }

  HttpResponse<Buffer> register(JsonObject body) {
    return send(app.client().post(base + "/associations/registrations"), body);
  }

  /** Registers an association and signs it in: its session token. */
  public String signedIn(String name, String email) {
    HttpResponse<Buffer> registered = register(registration(name, email));
    assertEquals(202, registered.statusCode(), registered.bodyAsString());
    HttpResponse<Buffer> redeemed = redeem(signInLink(email));
    assertEquals(200, redeemed.statusCode(), redeemed.bodyAsString());
    return redeemed.bodyAsJsonObject().getString("token");
  }

  /** Asks for a sign-in link and reads its token from the message queued for {@code email}. */
  String signInLink(String email) {
    HttpResponse<Buffer> asked = send(app.client().post(base + "/associations/sign-in"),
        new JsonObject().put("email", email));
    assertEquals(202, asked.statusCode(), asked.bodyAsString());
    Matcher link = LINK.matcher(lastMessage(email, "association_sign_in").getString("body"));
    assertTrue(link.find(), "no sign-in link in the message");
    return link.group(1);
  }

  HttpResponse<Buffer> redeem(String linkToken) {
    return send(app.client().post("/api/associations/sign-in/" + linkToken), null);
  }

  /** The latest message of that kind queued for {@code recipient} (subject, body). */
  public JsonObject lastMessage(String recipient, String kind) {
    Row row = await(app.pool().preparedQuery("SELECT subject, body FROM outbox WHERE recipient = $1 AND kind = $2 "
        + "ORDER BY id DESC LIMIT 1").execute(Tuple.of(recipient, kind))).iterator().next();
    return new JsonObject().put("subject", row.getString("subject")).put("body", row.getString("body"));
  }

  public long messageCount(String recipient) {
    return await(app.pool().preparedQuery("SELECT count(*) FROM outbox WHERE recipient = $1")
        .execute(Tuple.of(recipient))).iterator().next().getLong(0);
  }

  /** A talk under the fair's track, its people there on {@link #DAY} between {@code from} and {@code until}. */
  public static JsonObject offer(String title, int people, String from, String until) {
    return new JsonObject().put("kind", "talk").put("theme", "s-orienter").put("title", title).put("people", people)
        .put("availability", new JsonArray().add(new JsonObject()
            .put("starts_at", DAY + "T" + from + ":00+01:00").put("ends_at", DAY + "T" + until + ":00+01:00")));
  }

  /** The association (by its session token) proposes the offer: its id. */
  public long propose(String association, JsonObject offer) {
    HttpResponse<Buffer> proposed = send(as(app.client().post(base + "/associations/me/offers"), association), offer);
    assertEquals(201, proposed.statusCode(), proposed.bodyAsString());
    return proposed.bodyAsJsonObject().getLong("id");
  }

  /** The organiser adds a conference room to the fair's venue. */
  public void room(String slug, String name, int capacity) {
    create(base + "/rooms", new JsonObject().put("slug", slug).put("name", name).put("venue", "hotel")
        .put("kind", "conference").put("capacity", capacity));
  }

  /** The association proposes the offer and the organiser accepts it: its id. */
  public long accepted(String association, JsonObject offer) {
    long id = propose(association, offer);
    HttpResponse<Buffer> reviewed = send(as(app.client().post(base + "/offers/" + id + "/review"), organiser),
        new JsonObject().put("decision", "accept"));
    assertEquals(200, reviewed.statusCode(), reviewed.bodyAsString());
    return id;
  }

  /** The organiser places the offer in {@code room} at {@code start} on {@link #DAY}; the answer, of that status. */
  public JsonObject place(long offerId, String room, String start, int status) {
    HttpResponse<Buffer> response = send(as(app.client().put(base + "/offers/" + offerId + "/placement"), organiser),
        new JsonObject().put("room", room).put("starts_at", DAY + "T" + start + ":00+01:00"));
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  public static HttpRequest<Buffer> as(HttpRequest<Buffer> request, String token) {
    return TestApp.authorized(request, token);
  }
}
