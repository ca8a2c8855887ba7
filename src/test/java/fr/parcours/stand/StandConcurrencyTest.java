package fr.parcours.stand;

import fr.parcours.support.ServerTest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of associations reserve at once, some retrying with the same key, on six spots;
 * then the holders cancel while newcomers reserve. No spot is ever held twice for a period,
 * every key books once, and the waiting list moves in request order.
 */
class StandConcurrencyTest extends ServerTest {

  private static final List<String> PERIODS = List.of("day", "morning", "afternoon");
  private static final int RUSH = 220;
  private static final int RETRIED = 40;
  private static final int NEWCOMERS = 20;

  @Test
  void aRushOnFewSpotsNeverDoubleBooksAndTheQueueMovesInOrder() {
    StandApi stands = new StandApi(app, "stands-rush");
    for (int i = 1; i <= 6; i++) {
      stands.spot("A" + i, (i - 1) * 3.0, 2.5, i % 2 == 0);
    }
    List<String> tokens = stands.manyAssociations(RUSH + NEWCOMERS);
    long fairId = single("SELECT id FROM fairs WHERE slug = 'stands-rush'");

    List<Future<HttpResponse<Buffer>>> rush = new ArrayList<>();
    for (int i = 0; i < RUSH + RETRIED; i++) {
      int who = i % RUSH;
      rush.add(stands.reserveAsync(tokens.get(who), "rush-" + who, request(who)));
    }
    await(Future.join(rush));
    Map<String, Long> idByKey = new HashMap<>();
    int replays = 0;
    for (int i = 0; i < rush.size(); i++) {
      HttpResponse<Buffer> response = rush.get(i).result();
      assertEquals(201, response.statusCode(), response.bodyAsString());
      long id = response.bodyAsJsonObject().getLong("id");
      Long first = idByKey.putIfAbsent("rush-" + (i % RUSH), id);
      assertTrue(first == null || first == id, "a retried key answers with the same reservation");
      replays += "true".equals(response.getHeader("Idempotent-Replayed")) ? 1 : 0;
    }
    assertEquals(RETRIED, replays);
    assertEquals(RUSH, single("SELECT count(*) FROM stand_reservations WHERE fair_id = " + fairId));
    assertInvariants(fairId);

    List<Long> waitingBefore = ids(fairId, "waiting");
    List<Long> holders = ids(fairId, "confirmed");
    List<Future<HttpResponse<Buffer>>> second = new ArrayList<>();
    for (long id : holders) {
      second.add(stands.cancelAsync(tokens.get(ownerIndex(id)), id));
    }
    for (int i = RUSH; i < RUSH + NEWCOMERS; i++) {
      second.add(stands.reserveAsync(tokens.get(i), "late-" + i, request(i)));
    }
    await(Future.join(second));
    second.forEach(response -> assertTrue(response.result().statusCode() < 300, response.result().bodyAsString()));
    assertInvariants(fairId);

    List<Long> promoted = ids(fairId, "confirmed").stream().filter(waitingBefore::contains).toList();
    assertFalse(promoted.isEmpty(), "cancellations promote waiting reservations");
    assertEquals(promoted.size(), single("SELECT count(*) FROM outbox WHERE kind = 'stand_promoted'"));
    assertPromotedInRequestOrder(fairId, promoted);
  }

  /** Association i asks for any spot, for the whole day, the morning or the afternoon in turn. */
  private static JsonObject request(int association) {
    return StandApi.forNeeds(PERIODS.get(association % 3), new JsonObject());
  }

  private void assertInvariants(long fairId) {
    assertEquals(0, single("SELECT count(*) FROM stand_reservations a JOIN stand_reservations b ON a.id < b.id "
        + "AND a.spot_id = b.spot_id AND a.day = b.day AND a.halves && b.halves "
        + "WHERE a.status = 'confirmed' AND b.status = 'confirmed' AND a.fair_id = " + fairId), "a spot held twice");
    assertEquals(0, single("SELECT count(*) FROM stand_reservations w WHERE w.fair_id = " + fairId
        + " AND w.status = 'waiting' AND EXISTS (SELECT 1 FROM stand_spots s WHERE s.fair_id = w.fair_id "
        + "AND NOT EXISTS (SELECT 1 FROM stand_reservations c WHERE c.spot_id = s.id AND c.status = 'confirmed' "
        + "AND c.day = w.day AND c.halves && w.halves))"), "a reservation waits while a spot is free for it");
    assertTrue(single("SELECT count(*) FROM stand_reservations WHERE status = 'waiting' AND fair_id = " + fairId) > 0);
  }

  /**
   * A promoted reservation never overtook an earlier one still waiting that asked for no more
   * than it got (the same period, or a half of its whole day): that one would have fitted first.
   */
  private void assertPromotedInRequestOrder(long fairId, List<Long> promoted) {
    long overtaken = single("SELECT count(*) FROM stand_reservations p JOIN stand_reservations w "
        + "ON w.fair_id = p.fair_id AND w.status = 'waiting' AND w.id < p.id AND w.day = p.day "
        + "AND p.halves @> w.halves WHERE p.id = ANY('{" + String.join(",", promoted.stream().map(String::valueOf)
        .toList()) + "}'::bigint[]) AND p.fair_id = " + fairId);
    assertEquals(0, overtaken);
  }

  private List<Long> ids(long fairId, String status) {
    List<Long> ids = new ArrayList<>();
    await(app.pool().preparedQuery("SELECT id FROM stand_reservations WHERE fair_id = $1 AND status = $2 ORDER BY id")
        .execute(Tuple.of(fairId, status))).forEach(row -> ids.add(row.getLong("id")));
    return ids;
  }

  private int ownerIndex(long reservationId) {
    Row row = await(app.pool().preparedQuery("SELECT a.slug FROM stand_reservations r JOIN associations a "
        + "ON a.id = r.association_id WHERE r.id = $1").execute(Tuple.of(reservationId))).iterator().next();
    return Integer.parseInt(row.getString("slug").substring("asso-".length()));
  }

  private long single(String sql) {
    return await(app.pool().query(sql).execute()).iterator().next().getLong(0);
  }
}
