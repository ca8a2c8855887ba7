package fr.parcours.allocation;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** All the SQL of allocations: previews, their outcomes, publication. Methods take the client. */
final class AllocationRepository {

  /** A stored allocation; {@code createdBy} is null for the one the server ran at the allocation date. */
  record AllocationRow(long id, long fairId, long seed, Long createdBy, OffsetDateTime createdAt, JsonObject figures,
                       OffsetDateTime publishedAt, String inputsDigest) {
  }

  /**
   * What an allocation decided for one request: its place in the outcome's order (placed ones in
   * the order they were placed, then the others in draw order), and its track, choice rank (0:
   * any other), window rank (1: preferred) and sessions, or the reason it was left out.
   */
  record Outcome(long requestId, int position, Long trackId, Integer choiceRank, Integer windowRank,
                 List<Long> sessionIds, String reason) {
  }

  /** A class request as a booking needs it: who asks, for which class, in which language. */
  record RequestRow(long id, String schoolName, String schoolUai, String schoolCity, String teacherName,
                    String teacherEmail, String className, String classLevel, int pupils, int adults, String language,
                    String token) {
  }

  /** A request's outcome as the preview shows it, with its class and where it goes. */
  record ShownOutcome(Outcome outcome, String schoolName, String schoolUai, String className, int pupils,
                      String trackSlug, String trackName) {
  }

  /** What a publication locks: the schools still asking and every track of the fair. */
  record Targets(List<String> schools, List<Long> tracks) {
  }

  private static final String ALLOCATION_COLUMNS = "SELECT id, fair_id, seed, created_by, created_at, figures, "
      + "published_at, inputs_digest FROM allocations ";

  Future<Long> insert(SqlClient db, long fairId, long seed, Long organiserId, JsonObject figures, String digest) {
    return db.preparedQuery("INSERT INTO allocations (fair_id, seed, created_by, figures, inputs_digest) "
            + "VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(fairId, String.valueOf(seed), organiserId, figures, digest))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> insertOutcomes(SqlClient db, long allocationId, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = outcomes.stream().map(o -> Tuple.of(allocationId, o.requestId(), o.position(), o.trackId(),
        o.choiceRank(), o.windowRank(), o.sessionIds() == null ? null : o.sessionIds().toArray(Long[]::new),
        o.reason())).toList();
    return db.preparedQuery("INSERT INTO allocation_outcomes (allocation_id, request_id, draw_position, track_id, "
            + "choice_rank, window_rank, session_ids, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .executeBatch(batch).mapEmpty();
  }

  /** The fair's allocations, latest first. */
  Future<List<AllocationRow>> list(SqlClient db, long fairId) {
    return db.preparedQuery(ALLOCATION_COLUMNS + "WHERE fair_id = $1 ORDER BY id DESC").execute(Tuple.of(fairId))
        .map(rows -> {
          List<AllocationRow> found = new ArrayList<>();
          rows.forEach(row -> found.add(allocation(row)));
          return found;
        });
  }

  Future<Optional<AllocationRow>> find(SqlClient db, long fairId, long id) {
    return db.preparedQuery(ALLOCATION_COLUMNS + "WHERE fair_id = $1 AND id = $2").execute(Tuple.of(fairId, id))
        .map(rows -> Results.first(rows).map(AllocationRepository::allocation));
  }

  Future<Optional<AllocationRow>> published(SqlClient db, long fairId) {
    return db.preparedQuery(ALLOCATION_COLUMNS + "WHERE fair_id = $1 AND published_at IS NOT NULL")
        .execute(Tuple.of(fairId))
        .map(rows -> Results.first(rows).map(AllocationRepository::allocation));
  }

  Future<Integer> count(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT count(*)::int AS n FROM allocations WHERE fair_id = $1").execute(Tuple.of(fairId))
        .map(rows -> rows.iterator().next().getInteger("n"));
  }

  /** Marks it published unless the fair has a published allocation already (this one or another). */
  Future<Boolean> markPublished(SqlClient db, long fairId, long id) {
    return db.preparedQuery("UPDATE allocations SET published_at = now() WHERE id = $1 AND fair_id = $2 "
            + "AND NOT EXISTS (SELECT 1 FROM allocations p WHERE p.fair_id = $2 AND p.published_at IS NOT NULL)")
        .execute(Tuple.of(id, fairId)).map(rows -> rows.rowCount() == 1);
  }

  Future<List<Outcome>> outcomes(SqlClient db, long allocationId) {
    return db.preparedQuery("SELECT * FROM allocation_outcomes WHERE allocation_id = $1 ORDER BY draw_position")
        .execute(Tuple.of(allocationId))
        .map(rows -> {
          List<Outcome> found = new ArrayList<>();
          rows.forEach(row -> found.add(outcome(row)));
          return found;
        });
  }

  /** The outcomes with their classes and tracks, in the outcome's order. */
  Future<List<ShownOutcome>> shownOutcomes(SqlClient db, long allocationId) {
    return db.preparedQuery("SELECT o.*, r.school_name, r.school_uai, r.class_name, r.pupils, t.slug AS track_slug, "
            + "t.name AS track_name FROM allocation_outcomes o JOIN class_requests r ON r.id = o.request_id "
            + "LEFT JOIN tracks t ON t.id = o.track_id WHERE o.allocation_id = $1 ORDER BY o.draw_position")
        .execute(Tuple.of(allocationId))
        .map(rows -> {
          List<ShownOutcome> found = new ArrayList<>();
          rows.forEach(row -> found.add(new ShownOutcome(outcome(row), row.getString("school_name"),
              row.getString("school_uai"), row.getString("class_name"), row.getInteger("pupils"),
              row.getString("track_slug"), row.getString("track_name"))));
          return found;
        });
  }

  /**
   * The fair's requests still asking, with who asks. {@code lock}: {@code FOR UPDATE}, in id
   * order, so that a teacher's change waits for the publication or the publication for it.
   */
  Future<Map<Long, RequestRow>> requests(SqlClient db, long fairId, boolean lock) {
    return db.preparedQuery("SELECT * FROM class_requests WHERE fair_id = $1 AND status = 'requested' ORDER BY id"
            + (lock ? " FOR UPDATE" : ""))
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Map<Long, RequestRow> found = new LinkedHashMap<>();
          rows.forEach(row -> found.put(row.getLong("id"), new RequestRow(row.getLong("id"), row.getString("school_name"),
              row.getString("school_uai"), row.getString("school_city"), row.getString("teacher_name"),
              row.getString("teacher_email"), row.getString("class_name"), row.getString("class_level"),
              row.getInteger("pupils"), row.getInteger("adults"), row.getString("language"),
              row.getString("manage_token"))));
          return found;
        });
  }

  Future<Targets> lockTargets(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT ARRAY(SELECT DISTINCT school_uai FROM class_requests WHERE fair_id = $1 "
            + "AND status = 'requested') AS schools, ARRAY(SELECT id FROM tracks WHERE fair_id = $1) AS tracks")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Targets(Arrays.asList(row.getArrayOfStrings("schools")), Arrays.asList(row.getArrayOfLongs("tracks")));
        });
  }

  /** What became of a request once published; {@code status} confirmed, waitlisted or unplaced. */
  Future<Void> settle(SqlClient db, long requestId, String status, Long bookingId, String reason) {
    return db.preparedQuery("UPDATE class_requests SET status = $2, booking_id = $3, unplaced_reason = $4, "
            + "updated_at = now() WHERE id = $1 AND status = 'requested'")
        .execute(Tuple.of(requestId, status, bookingId, reason))
        .map(rows -> {
          if (rows.rowCount() != 1) {
            throw new IllegalStateException("request " + requestId + " changed under its row lock");
          }
          return null;
        });
  }

  /** A publication ends the request window at once: no request may arrive after the draw. */
  Future<Void> closeRequests(SqlClient db, long fairId) {
    return db.preparedQuery("UPDATE fairs SET requests_close_at = now(), updated_at = now() "
            + "WHERE id = $1 AND requests_close_at > now()")
        .execute(Tuple.of(fairId)).mapEmpty();
  }

  /** Fairs whose allocation date has come with nothing published yet: the server publishes them. */
  Future<List<Long>> due(SqlClient db) {
    return db.preparedQuery("SELECT f.id FROM fairs f WHERE f.registration_mode = 'allocation' "
            + "AND f.status = 'published' AND f.allocation_at <= now() "
            + "AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.fair_id = f.id AND a.published_at IS NOT NULL) "
            + "ORDER BY f.allocation_at, f.id")
        .execute()
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong("id")));
          return ids;
        });
  }

  /**
   * Runs {@code work} if this instance claims the fair's automatic allocation: a session
   * advisory lock, not waited for (another instance holding it is running it), released after.
   */
  Future<Boolean> claimed(Pool pool, long fairId, Supplier<Future<Boolean>> work) {
    Tuple key = Tuple.of("allocation:" + fairId);
    return pool.getConnection().compose(conn -> conn
        .preparedQuery("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS claimed").execute(key)
        .compose(rows -> !rows.iterator().next().getBoolean("claimed") ? Future.succeededFuture(false)
            : work.get().eventually(() -> conn.preparedQuery("SELECT pg_advisory_unlock(hashtextextended($1, 0))")
                .execute(key)))
        .eventually(conn::close));
  }

  private static AllocationRow allocation(Row row) {
    return new AllocationRow(row.getLong("id"), row.getLong("fair_id"), Long.parseLong(row.getString("seed")),
        row.getLong("created_by"), row.getOffsetDateTime("created_at"), (JsonObject) row.getJson("figures"),
        row.getOffsetDateTime("published_at"), row.getString("inputs_digest"));
  }

  private static Outcome outcome(Row row) {
    Long[] sessions = row.getArrayOfLongs("session_ids");
    return new Outcome(row.getLong("request_id"), row.getInteger("draw_position"), row.getLong("track_id"),
        row.getInteger("choice_rank"), row.getInteger("window_rank"), sessions == null ? null : Arrays.asList(sessions),
        row.getString("reason"));
  }
}
