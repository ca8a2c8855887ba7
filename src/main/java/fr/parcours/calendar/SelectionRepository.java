package fr.parcours.calendar;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of visitors' selections (starred sessions). */
final class SelectionRepository {

  private final Pool pool;

  SelectionRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> create(long fairId, String token) {
    return pool.preparedQuery("INSERT INTO selections (fair_id, token) VALUES ($1, $2)")
        .execute(Tuple.of(fairId, token)).mapEmpty();
  }

  /** The selection's id if {@code token} names one of the fair's selections. */
  Future<Optional<Long>> find(long fairId, String token) {
    return pool.preparedQuery("SELECT id FROM selections WHERE fair_id = $1 AND token = $2")
        .execute(Tuple.of(fairId, token))
        .map(rows -> Results.first(rows).map(row -> row.getLong(0)));
  }

  /** Stars the session if it belongs to the fair (true), whether or not it was starred already. */
  Future<Boolean> add(long fairId, long selectionId, long sessionId) {
    return pool.preparedQuery("WITH session AS (SELECT id FROM sessions WHERE id = $3 AND fair_id = $1), "
            + "added AS (INSERT INTO selection_sessions (selection_id, session_id) SELECT $2, id FROM session "
            + "ON CONFLICT DO NOTHING) SELECT count(*) FROM session")
        .execute(Tuple.of(fairId, selectionId, sessionId))
        .map(rows -> rows.iterator().next().getLong(0) > 0);
  }

  Future<Void> remove(long selectionId, long sessionId) {
    return pool.preparedQuery("DELETE FROM selection_sessions WHERE selection_id = $1 AND session_id = $2")
        .execute(Tuple.of(selectionId, sessionId)).mapEmpty();
  }

  Future<List<Long>> sessions(long selectionId) {
    return pool.preparedQuery("SELECT ss.session_id FROM selection_sessions ss JOIN sessions s ON s.id = ss.session_id "
            + "WHERE ss.selection_id = $1 ORDER BY s.starts_at, s.id")
        .execute(Tuple.of(selectionId))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong(0)));
          return ids;
        });
  }
}
