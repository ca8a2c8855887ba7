package fr.parcours.fair;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The track row is the mutex of its sessions' places: bookings, cancellations and promotions
 * take it before touching "booked", organiser edits of a session take it before touching the
 * session's row. One lock a track, always before session rows, so the two never deadlock.
 */
public final class TrackLocks {

  private TrackLocks() {
  }

  public static Future<Void> lock(SqlClient db, long trackId) {
    return db.preparedQuery("SELECT id FROM tracks WHERE id = $1 FOR UPDATE").execute(Tuple.of(trackId)).mapEmpty();
  }

  /** Locks the track a stored session belongs to (none for stand time), before its row is read for update. */
  public static Future<Void> lockOfSession(SqlClient db, long fairId, long sessionId) {
    return db.preparedQuery("SELECT t.id FROM tracks t JOIN sessions s ON s.track_id = t.id "
            + "WHERE s.fair_id = $1 AND s.id = $2 FOR UPDATE OF t")
        .execute(Tuple.of(fairId, sessionId)).mapEmpty();
  }
}
