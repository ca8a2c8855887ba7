package fr.parcours.fair.resource;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Told, inside the transaction that wrote it and with its track locked, that a session of a
 * track was created or edited: places may have opened (a new showing, a
 * larger capacity) or routes may have broken (a cancelled or moved showing). What it does
 * commits with the edit, or not at all.
 */
@FunctionalInterface
public interface SessionChanges {

  Future<Void> sessionWritten(SqlConnection conn, Fair fair, long sessionId, long trackId);
}
