package fr.parcours.mail;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Queues messages in the caller's transaction: a message exists if and only if the change it
 * announces committed. The NOTIFY is delivered at commit and wakes a worker on any instance.
 */
public final class Outbox {

  static final String CHANNEL = "parcours_outbox";

  private Outbox() {
  }

  public static Future<Void> enqueue(SqlClient conn, Message message) {
    return conn.preparedQuery("INSERT INTO outbox (kind, recipient, subject, body) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(message.kind(), message.recipient(), message.subject(), message.body()))
        .compose(inserted -> conn.query("NOTIFY " + CHANNEL).execute())
        .mapEmpty();
  }
}
