package fr.parcours.stand;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;

/**
 * A fair with a stand hall for stand tests (built as AssociationApi builds its fair: one day,
 * 18 March 2027, 08:30–17:00 Paris time), and the calls associations and organisers make.
 */
public final class StandApi {

  public final AssociationApi fair;

  public StandApi(TestApp app, String slug) {
    this.fair = new AssociationApi(app, slug);
    fair.create(fair.base + "/zones", new JsonObject().put("slug", "hall").put("name", "Hall").put("venue", "hotel"));
  }

  /** Adds a spot to the hall, {@code width} × 2 m, side by side in a row; this, for the next. */
  public StandApi spot(String number, double x, double width, boolean power) {
    fair.create(fair.base + "/stand-spots", new JsonObject().put("number", number).put("zone", "hall")
        .put("x", x).put("y", 0).put("width", width).put("depth", 2).put("power", power));
    return this;
  }

  /** Registers and signs in an association through the real flow; its session token. */
  public String association(String name) {
    return fair.signedIn(name, name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "@asso.test");
  }

  /**
   * {@code count} associations written straight to the database with session tokens
   * ("token-0"…), for tests that need hundreds: their sign-in is tested elsewhere.
   */
  List<String> manyAssociations(int count) {
    await(fair.app.pool().preparedQuery("WITH made AS (INSERT INTO associations (fair_id, slug, name, contact_email) "
            + "SELECT f.id, 'asso-' || i, 'Association ' || i, 'asso-' || i || '@asso.test' "
            + "FROM fairs f, generate_series(0, $2 - 1) AS i WHERE f.slug = $1 RETURNING id, slug) "
            + "INSERT INTO association_tokens (token_hash, association_id, expires_at) "
            + "SELECT sha256(convert_to('token-' || substr(slug, 6), 'UTF8')), id, now() + interval '1 day' FROM made")
        .execute(Tuple.of(fair.slug, count)));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add("token-" + i);
    }
    return tokens;
  }

  public static JsonObject forSpot(String period, String spot) {
    return new JsonObject().put("period", period).put("spot", spot);
  }

  static JsonObject forNeeds(String period, JsonObject needs) {
    return new JsonObject().put("period", period).put("needs", needs);
  }

  public HttpResponse<Buffer> reserve(String token, JsonObject body) {
    return reserve(token, UUID.randomUUID().toString(), body);
  }

  HttpResponse<Buffer> reserve(String token, String key, JsonObject body) {
    return await(reserveAsync(token, key, body));
  }

  Future<HttpResponse<Buffer>> reserveAsync(String token, String key, JsonObject body) {
    return AssociationApi.as(fair.app.client().post(fair.base + "/stand-reservations"), token)
        .putHeader("Idempotency-Key", key).sendJsonObject(body);
  }

  HttpResponse<Buffer> show(String token, long id) {
    return send(AssociationApi.as(fair.app.client().get(path(id)), token), null);
  }

  public HttpResponse<Buffer> cancel(String token, long id) {
    return await(cancelAsync(token, id));
  }

  Future<HttpResponse<Buffer>> cancelAsync(String token, long id) {
    return AssociationApi.as(fair.app.client().delete(path(id)), token).send();
  }

  /** The organiser puts a reservation on a spot (and a new period when given). */
  public HttpResponse<Buffer> assign(String token, long id, JsonObject placement) {
    return send(TestApp.authorized(fair.app.client().put(path(id) + "/spot"), token), placement);
  }

  HttpResponse<Buffer> list(String token) {
    return send(TestApp.authorized(fair.app.client().get(fair.base + "/stand-reservations"), token), null);
  }

  JsonObject map() {
    return send(fair.app.client().get(fair.base + "/stands"), null).bodyAsJsonObject();
  }

  private String path(long id) {
    return fair.base + "/stand-reservations/" + id;
  }
}
