package fr.parcours.allocation;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.ServerTest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static fr.parcours.allocation.AllocationFixtures.count;
import static fr.parcours.allocation.AllocationFixtures.exec;
import static fr.parcours.allocation.AllocationFixtures.preview;
import static fr.parcours.allocation.AllocationFixtures.publish;
import static fr.parcours.allocation.AllocationFixtures.request;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Previews and publications through the API, checked from the database: capacities, whole
 * routes, the waiting list in draw order, every teacher told, one publication per fair, a
 * stale preview refused, and a teacher's change racing the publication.
 */
class AllocationPublishTest extends ServerTest {

  /** Sessions of 60 seat two classes of 27: ten classes fit the morning; sixteen ask. */
  private static Fair oversubscribed(String slug) {
    Fair fair = AllocationFixtures.fair(app, slug, 60);
    for (int school = 0; school < 8; school++) {
      for (String group : new String[] {"3e A", "3e B"}) {
        request(app, fair, String.format("0330%03dA", school), group, 25, 2);
      }
    }
    return fair;
  }

  @Test
  void aPublishedAllocationBooksWholeRoutesUnderCapacityAndWaitsTheRestInDrawOrder() {
    Fair fair = oversubscribed("alloc-publish");
    HttpResponse<Buffer> previewed = preview(app, fair, new JsonObject().put("seed", 42));
    assertEquals(201, previewed.statusCode(), previewed.bodyAsString());
    JsonObject preview = previewed.bodyAsJsonObject();
    assertEquals(42, preview.getInteger("seed"));
    JsonObject figures = preview.getJsonObject("figures");
    assertEquals(16 * 25, figures.getJsonObject("pupils").getInteger("asked"));
    long placed = figures.getJsonObject("classes").getInteger("placed");
    assertTrue(placed >= 5 && placed <= 10, "at most two classes a session, five showings: " + placed);
    assertEquals(16 - placed, figures.getJsonObject("unplaced").getLong("ALLOCATION_FULL"));
    assertEquals(1.0, figures.getJsonObject("choices").getJsonObject("first").getDouble("share"));
    assertEquals(8, preview.getJsonArray("draw").size());
    assertEquals(8, figures.getJsonArray("schools").size());
    assertEquals(Draw.ticket(42, "0330000A"), ticketOf(preview.getJsonArray("draw"), "0330000A"));
    assertEquals(0, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair), "a preview books nothing");

    HttpResponse<Buffer> published = publish(app, fair, preview.getLong("id"));
    assertEquals(200, published.statusCode(), published.bodyAsString());
    assertTrue(published.bodyAsJsonObject().getBoolean("published"));

    assertEquals(0, count(app, "SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> (SELECT "
        + "coalesce(sum(h.people), 0) FROM held_places h WHERE h.session_id = s.id)", fair));
    assertEquals(placed, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND b.status = 'confirmed' AND "
        + "(SELECT count(DISTINCT s.activity) FROM held_places h JOIN sessions s ON s.id = h.session_id "
        + "WHERE h.booking_id = b.id) <> 3", fair), "every placed class has a whole route");
    assertEquals(0, count(app, "SELECT count(*) FROM held_places x JOIN sessions sx ON sx.id = x.session_id "
        + "JOIN held_places y ON y.booking_id = x.booking_id AND y.session_id > x.session_id "
        + "JOIN sessions sy ON sy.id = y.session_id JOIN bookings b ON b.id = x.booking_id WHERE b.fair_id = $1 "
        + "AND sx.starts_at < sy.ends_at + interval '10 minutes' AND sy.starts_at < sx.ends_at + interval '10 minutes'",
        fair), "no two sessions of a route overlap or break the changeover");
    assertEquals(0, count(app, "SELECT count(*) FROM allocation_outcomes o JOIN class_requests r ON r.id = o.request_id "
        + "JOIN bookings b ON b.id = r.booking_id WHERE r.fair_id = $1 AND o.allocation_id = (SELECT id FROM allocations "
        + "WHERE fair_id = $1 AND published_at IS NOT NULL) AND o.session_ids IS NOT NULL AND ARRAY(SELECT h.session_id "
        + "FROM held_places h WHERE h.booking_id = b.id ORDER BY 1) <> ARRAY(SELECT unnest(o.session_ids) ORDER BY 1)",
        fair), "each booking holds exactly the route previewed");
    assertEquals(placed, count(app, "SELECT count(*) FROM class_requests WHERE fair_id = $1 AND status = 'confirmed' "
        + "AND booking_id IS NOT NULL", fair));
    assertEquals(16 - placed, count(app, "SELECT count(*) FROM class_requests WHERE fair_id = $1 AND status = 'waitlisted' "
        + "AND booking_id IS NOT NULL", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY b.waitlist_seq) AS by_seq, "
        + "row_number() OVER (ORDER BY o.draw_position) AS by_draw FROM bookings b JOIN class_requests r ON r.booking_id = b.id "
        + "JOIN allocation_outcomes o ON o.request_id = r.id JOIN allocations a ON a.id = o.allocation_id "
        + "AND a.published_at IS NOT NULL WHERE b.fair_id = $1 AND b.status = 'waitlisted') q WHERE by_seq <> by_draw",
        fair), "the waiting list is in draw order");
    assertNoSchoolTwoAheadOfOneWithNone(fair);
    assertEquals(placed, count(app, "SELECT count(*) FROM outbox o WHERE o.kind = 'booking_allocated' AND o.recipient IN "
        + "(SELECT teacher_email FROM class_requests WHERE fair_id = $1)", fair), "every placed teacher is told");
    assertEquals(16 - placed, count(app, "SELECT count(*) FROM outbox o WHERE o.kind = 'booking_allocation_waitlisted' "
        + "AND o.recipient IN (SELECT teacher_email FROM class_requests WHERE fair_id = $1) AND o.body ~ 'liste|waiting'",
        fair), "every waiting teacher is told, with the position");
    assertEquals(0, count(app, "SELECT count(*) FROM fairs WHERE id = $1 AND requests_close_at > now()", fair));
  }

  @Test
  void firstComeTakesWhatIsLeftOnlyOnceTheAllocationIsPublished() {
    Fair fair = oversubscribed("alloc-then-first-come");
    JsonObject late = BookingFixtures.request("0330999A", "3e Z", 20, 2);
    HttpResponse<Buffer> early = send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "before"), late);
    assertEquals(409, early.statusCode(), early.bodyAsString());
    assertEquals("ALLOCATION_PENDING", early.bodyAsJsonObject().getString("code"));
    assertEquals(200, publish(app, fair, preview(app, fair, new JsonObject()).bodyAsJsonObject().getLong("id"))
        .statusCode());
    HttpResponse<Buffer> after = send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "after"), late);
    assertEquals(201, after.statusCode(), after.bodyAsString());
  }

  @Test
  void aFairPublishesOnce() {
    Fair fair = oversubscribed("alloc-once");
    JsonObject firstPreview = preview(app, fair, new JsonObject().put("seed", 1)).bodyAsJsonObject();
    long first = firstPreview.getLong("id");
    long placed = firstPreview.getJsonObject("classes").getInteger("placed");
    long second = preview(app, fair, new JsonObject()).bodyAsJsonObject().getLong("id");
    assertEquals(200, publish(app, fair, first).statusCode());
    HttpResponse<Buffer> again = publish(app, fair, first);
    assertEquals(409, again.statusCode());
    assertEquals("ALLOCATION_ALREADY_PUBLISHED", again.bodyAsJsonObject().getString("code"));
    assertEquals(409, publish(app, fair, second).statusCode());
    assertEquals(placed, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair));
  }

  @Test
  void aPreviewIsStaleOnceARequestOrACapacityChanged() {
    Fair fair = oversubscribed("alloc-stale");
    long preview = preview(app, fair, new JsonObject().put("seed", 7)).bodyAsJsonObject().getLong("id");
    exec(app, "UPDATE class_requests SET status = 'withdrawn' WHERE id = (SELECT min(id) FROM class_requests "
        + "WHERE fair_id = $1)", Tuple.of(fair.id()));
    HttpResponse<Buffer> stale = publish(app, fair, preview);
    assertEquals(409, stale.statusCode());
    assertEquals("ALLOCATION_STALE", stale.bodyAsJsonObject().getString("code"));

    long fresh = preview(app, fair, new JsonObject().put("seed", 7)).bodyAsJsonObject().getLong("id");
    exec(app, "UPDATE sessions SET capacity = 90 WHERE fair_id = $1 AND kind <> 'stand_time'", Tuple.of(fair.id()));
    assertEquals("ALLOCATION_STALE", publish(app, fair, fresh).bodyAsJsonObject().getString("code"));
    assertEquals(0, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair), "a refused publication books nothing");

    JsonObject afterChange = preview(app, fair, new JsonObject().put("seed", 7)).bodyAsJsonObject();
    assertEquals(200, publish(app, fair, afterChange.getLong("id")).statusCode());
    assertEquals((long) afterChange.getJsonObject("classes").getInteger("placed"),
        count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair));
  }

  /**
   * A teacher's change in flight (its row locked, as a change of a request is) when the organiser
   * publishes: the publication waits for it, sees it and refuses the stale preview; published
   * first, a change of a request no longer asking changes nothing.
   */
  @Test
  void aTeachersChangeRacingThePublicationLeavesOneOfTheTwoWhole() {
    Fair fair = oversubscribed("alloc-race");
    long preview = preview(app, fair, new JsonObject().put("seed", 3)).bodyAsJsonObject().getLong("id");
    long changed = AllocationFixtures.single(app, "SELECT min(id) FROM class_requests WHERE fair_id = $1",
        Tuple.of(fair.id()));
    SqlConnection teacher = await(app.pool().getConnection());
    Transaction change = await(teacher.begin());
    await(teacher.preparedQuery("UPDATE class_requests SET pupils = 12, updated_at = now() WHERE id = $1 "
        + "AND status = 'requested'").execute(Tuple.of(changed)));
    Future<HttpResponse<Buffer>> publishing = app.client()
        .post("/api/fairs/" + fair.slug() + "/allocations/" + preview + "/publish")
        .putHeader("Authorization", "Bearer " + fair.ownerToken()).send();
    waitUntilBlocked(fair);
    await(change.commit());
    teacher.close();
    HttpResponse<Buffer> refused = await(publishing);
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("ALLOCATION_STALE", refused.bodyAsJsonObject().getString("code"));
    assertEquals(0, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair));

    long fresh = preview(app, fair, new JsonObject().put("seed", 3)).bodyAsJsonObject().getLong("id");
    assertEquals(200, publish(app, fair, fresh).statusCode());
    long rows = await(app.pool().preparedQuery("UPDATE class_requests SET pupils = 30 WHERE id = $1 "
        + "AND status = 'requested'").execute(Tuple.of(changed))).rowCount();
    assertEquals(0, rows, "a published request no longer changes as a request");
    assertEquals(12, AllocationFixtures.single(app, "SELECT pupils FROM class_requests WHERE id = $1", Tuple.of(changed)));
  }

  /**
   * The teacher's own change (PATCH of the request, while requests are still taken) and the
   * organiser's publication sent at once: whichever goes first, the other is refused and the
   * database holds one of the two whole.
   */
  @Test
  void aTeachersPatchAndThePublicationSentAtOnceLeaveOneOfTheTwoWhole() {
    Fair fair = oversubscribed("alloc-race-api");
    exec(app, "UPDATE fairs SET requests_close_at = now() + interval '1 day', allocation_at = now() + interval '2 days' "
        + "WHERE id = $1", Tuple.of(fair.id()));
    long preview = preview(app, fair, new JsonObject().put("seed", 11)).bodyAsJsonObject().getLong("id");
    String token = AllocationFixtures.text(app, "SELECT manage_token FROM class_requests WHERE fair_id = $1 "
        + "ORDER BY id LIMIT 1", fair);
    Future<HttpResponse<Buffer>> publishing = app.client()
        .post("/api/fairs/" + fair.slug() + "/allocations/" + preview + "/publish")
        .putHeader("Authorization", "Bearer " + fair.ownerToken()).send();
    Future<HttpResponse<Buffer>> changing = app.client().patch("/api/requests/" + token)
        .sendJsonObject(new JsonObject().put("pupils", 12));
    HttpResponse<Buffer> published = await(publishing);
    HttpResponse<Buffer> changed = await(changing);
    long pupils = AllocationFixtures.single(app, "SELECT pupils FROM class_requests WHERE manage_token = $1",
        Tuple.of(token));
    long bookings = count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair);
    if (published.statusCode() == 200) {
      assertEquals(409, changed.statusCode(), changed.bodyAsString());
      assertEquals(25, pupils);
      assertEquals(16, bookings);
      assertEquals(0, count(app, "SELECT count(*) FROM class_requests WHERE fair_id = $1 AND status = 'requested'", fair));
    } else {
      assertEquals("ALLOCATION_STALE", published.bodyAsJsonObject().getString("code"), published.bodyAsString());
      assertEquals(200, changed.statusCode(), changed.bodyAsString());
      assertEquals(12, pupils);
      assertEquals(0, bookings);
    }
  }

  @Test
  void theAllocationDatePublishesOnceWithTheFairsSeed() {
    Fair fair = oversubscribed("alloc-due");
    exec(app, "UPDATE fairs SET allocation_at = now() WHERE id = $1", Tuple.of(fair.id()));
    assertTrue(await(app.application().publishDueAllocations()) >= 1);
    assertEquals(0, await(app.application().publishDueAllocations()));
    assertEquals(1, count(app, "SELECT count(*) FROM allocations WHERE fair_id = $1 AND published_at IS NOT NULL "
        + "AND created_by IS NULL", fair));
    assertEquals(count(app, "SELECT count(*) FROM class_requests WHERE fair_id = $1 AND status = 'confirmed'", fair),
        count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair));
    assertEquals(String.valueOf(AllocationSeed.of(await(app.application().services().fairs().findBySlug(fair.slug())))), AllocationFixtures.text(app, "SELECT seed FROM allocations WHERE fair_id = $1",
        fair));
    JsonObject draw = await(app.client().get("/api/fairs/" + fair.slug() + "/draw").send()).bodyAsJsonObject();
    assertTrue(draw.getBoolean("published"));
    assertEquals(8, draw.getJsonArray("draw").size());
    assertNotNull(draw.getString("check"));
  }

  /**
   * The 3,000-pupil fair's demand shape (40 schools of 1 to 6 classes of 18 to 32 pupils) on a
   * track of big rooms: a preview, then a publication booking or waiting every class in one
   * transaction, both timed (printed; the README's "Allocation" section quotes a run).
   */
  @Test
  void aFairOfFortySchoolsPublishesInOneTransaction() {
    Fair fair = AllocationFixtures.fair(app, "alloc-large", 400);
    Random random = new Random(17);
    int asked = 0;
    for (int school = 0; school < 40; school++) {
      int classes = 1 + random.nextInt(6);
      for (int c = 0; c < classes; c++, asked++) {
        request(app, fair, String.format("0332%03dC", school), "3e " + (char) ('A' + c), 18 + random.nextInt(15), 2);
      }
    }
    long started = System.nanoTime();
    HttpResponse<Buffer> previewed = preview(app, fair, new JsonObject().put("seed", 5));
    long previewMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(201, previewed.statusCode(), previewed.bodyAsString());
    long placed = previewed.bodyAsJsonObject().getJsonObject("classes").getInteger("placed");
    started = System.nanoTime();
    HttpResponse<Buffer> published = publish(app, fair, previewed.bodyAsJsonObject().getLong("id"));
    long publishMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, published.statusCode(), published.bodyAsString());
    System.out.printf("allocation of %d requests: preview %d ms, publication %d ms (%d placed)%n", asked, previewMs,
        publishMs, placed);
    assertEquals(0, count(app, "SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", fair));
    assertEquals(placed, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair));
    assertEquals(asked, count(app, "SELECT count(*) FROM class_requests WHERE fair_id = $1 AND status <> 'requested'",
        fair));
    assertTrue(publishMs < 30_000, "publication took " + publishMs + " ms");
  }

  @Test
  void aFirstComeFairHasNoAllocation() {
    Fair fair = oversubscribed("alloc-first-come");
    exec(app, "UPDATE fairs SET registration_mode = 'first_come' WHERE id = $1", Tuple.of(fair.id()));
    HttpResponse<Buffer> refused = preview(app, fair, new JsonObject());
    assertEquals(409, refused.statusCode());
    assertEquals("FAIR_NOT_IN_ALLOCATION_MODE", refused.bodyAsJsonObject().getString("code"));
    HttpResponse<Buffer> badSeed = preview(app, fair, new JsonObject().put("seed", "soon"));
    assertEquals(400, badSeed.statusCode());
    assertEquals("seed", badSeed.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
  }

  private void assertNoSchoolTwoAheadOfOneWithNone(Fair fair) {
    Map<String, Long> placed = new HashMap<>();
    await(app.pool().preparedQuery("SELECT school_uai, count(*) FILTER (WHERE status = 'confirmed') AS n "
        + "FROM class_requests WHERE fair_id = $1 GROUP BY school_uai").execute(Tuple.of(fair.id())))
        .forEach(row -> placed.put(row.getString("school_uai"), row.getLong("n")));
    long most = placed.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long least = placed.values().stream().mapToLong(Long::longValue).min().orElse(0);
    assertTrue(most - least <= 1, "placed per school: " + placed);
  }

  /** Waits until the publication waits for a lock. */
  private void waitUntilBlocked(Fair fair) {
    for (int i = 0; i < 200; i++) {
      if (AllocationFixtures.single(app, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
          + "AND query LIKE '%class_requests%FOR UPDATE%'", Tuple.tuple()) > 0) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("the publication never waited for the teacher's change");
  }

  private static String ticketOf(JsonArray draw, String uai) {
    return draw.stream().map(JsonObject.class::cast).filter(t -> t.getString("school").equals(uai)).findFirst()
        .orElseThrow().getString("ticket");
  }
}
