package fr.parcours.fair;

import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An organiser (or anonymous visitor when the token is null) speaking to the fair API of a test server. */
public final class FairClient {

  private final WebClient client;
  private final String token;

  public FairClient(WebClient client, String token) {
    this.client = client;
    this.token = token;
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return TestApp.send(withToken(client.post(path)), body);
  }

  public HttpResponse<Buffer> patch(String path, JsonObject body) {
    return TestApp.send(withToken(client.patch(path)), body);
  }

  HttpResponse<Buffer> delete(String path) {
    return TestApp.send(withToken(client.delete(path)), null);
  }

  public HttpResponse<Buffer> get(String path) {
    return TestApp.send(withToken(client.get(path)), null);
  }

  /** POSTs and asserts it was created, returning what the server answered. */
  public JsonObject create(String path, JsonObject body) {
    HttpResponse<Buffer> response = post(path, body);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private HttpRequest<Buffer> withToken(HttpRequest<Buffer> request) {
    return token == null ? request : TestApp.authorized(request, token);
  }

  /** The fields named by an error answer's details. */
  static List<String> errorFields(HttpResponse<Buffer> response) {
    JsonArray details = response.bodyAsJsonObject().getJsonArray("details");
    return details.stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }

  /** A winter one-day fair in Paris time: 12 March 2026, 8:30 to 17:30. */
  static JsonObject fairBody(String slug, String city) {
    return new JsonObject()
        .put("slug", slug)
        .put("name", "Salon " + city)
        .put("city", city)
        .put("time_zone", "Europe/Paris")
        .put("days", new JsonArray().add(new JsonObject()
            .put("date", "2026-03-12").put("opens_at", "08:30").put("closes_at", "17:30")))
        .put("registration_opens_at", "2026-01-05T09:00:00+01:00")
        .put("registration_closes_at", "2026-03-01T18:00:00+01:00")
        .put("changeover_minutes", 10);
  }

  /** A fair with one venue, track, conference room and stand zone, ready for sessions. */
  String fairWithRoom(String slug) {
    create("/api/fairs", fairBody(slug, "Bordeaux"));
    String base = "/api/fairs/" + slug;
    create(base + "/venues", new JsonObject().put("slug", "hotel").put("name", "Hôtel de Région")
        .put("address", "14 rue François de Sourdis").put("city", "Bordeaux"));
    create(base + "/tracks", new JsonObject().put("slug", "s-orienter").put("name", "S'orienter"));
    create(base + "/rooms", new JsonObject().put("slug", "amphi").put("name", "Amphi").put("venue", "hotel")
        .put("kind", "conference").put("capacity", 120));
    create(base + "/zones", new JsonObject().put("slug", "stands").put("name", "Hall").put("venue", "hotel"));
    return base;
  }

  static JsonObject talk(String start, String end) {
    return new JsonObject().put("title", "Les métiers du numérique").put("kind", "talk")
        .put("track", "s-orienter").put("room", "amphi")
        .put("starts_at", "2026-03-12T" + start + ":00+01:00").put("ends_at", "2026-03-12T" + end + ":00+01:00");
  }
}
