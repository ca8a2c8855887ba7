package fr.parcours.mail;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.List;

/**
 * Queues messages in the caller's transaction: a message exists if and only if the change it
 * announces committed. The NOTIFY is delivered at commit and wakes a worker on any instance.
 */
public final class Outbox {

  private static final OutboxRepository REPOSITORY = new OutboxRepository();

  private Outbox() {
  }

  public static Future<Void> enqueue(SqlClient conn, Message message) {
    return REPOSITORY.insert(conn, message);
  }

  /** Queues many messages in one statement (a group of bookings): they are sent in this order. */
  public static Future<Void> enqueueAll(SqlClient conn, List<Message> messages) {
    return messages.isEmpty() ? Future.succeededFuture() : REPOSITORY.insertAll(conn, messages);
  }
}
