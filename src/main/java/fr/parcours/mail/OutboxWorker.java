package fr.parcours.mail;

import fr.parcours.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers queued messages. Every instance runs one; {@code FOR UPDATE SKIP LOCKED} lets them
 * share the queue without sending a message twice. Wakes on NOTIFY, and polls anyway so that a
 * lost notification or a failed attempt (retried with back-off) is only delayed.
 */
public final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final int BATCH = 20;
  private static final int MAX_ATTEMPTS = 10;
  private static final long RELISTEN_DELAY_MS = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final MailSender sender;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timerId = -1;
  private volatile PgConnection listener;
  private volatile boolean stopped;

  public OutboxWorker(Vertx vertx, Pool pool, AppConfig config) {
    this.vertx = vertx;
    this.pool = pool;
    this.sender = new MailSender(config.mail(), config.dataDir());
  }

  /** Starts polling and listening; {@code connectUrl} is the database the pool uses. */
  public Future<Void> start(String connectUrl, int pollSeconds) {
    timerId = vertx.setPeriodic(pollSeconds * 1000L, tick -> drain());
    return listen(PgConnectOptions.fromUri(connectUrl)).onComplete(first -> drain());
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return listener == null ? Future.succeededFuture() : listener.close();
  }

  /**
   * Keeps one connection LISTENing, reconnecting after a drop (a database restart…). Without it
   * delivery only waits for the next poll, so a failure here never stops the server.
   */
  private Future<Void> listen(PgConnectOptions options) {
    return PgConnection.connect(vertx, options)
        .compose(connection -> {
          listener = connection;
          connection.exceptionHandler(error -> LOG.debug("Outbox listener: {}", error.getMessage()));
          connection.closeHandler(closed -> relisten(options));
          connection.notificationHandler(notification -> drain());
          return connection.query("LISTEN " + Outbox.CHANNEL).execute().<Void>mapEmpty();
        })
        .recover(error -> {
          LOG.warn("Outbox cannot listen for now ({}); polling meanwhile", error.getMessage());
          relisten(options);
          return Future.succeededFuture();
        });
  }

  private void relisten(PgConnectOptions options) {
    if (!stopped) {
      vertx.setTimer(RELISTEN_DELAY_MS, retry -> listen(options));
    }
  }

  /** Sends batches until the queue holds nothing due; one drain at a time per instance. */
  public Future<Void> drain() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return deliverBatch()
        .eventually(() -> {
          running.set(false);
          return Future.succeededFuture();
        })
        .compose(delivered -> delivered == BATCH ? drain() : Future.succeededFuture())
        .onFailure(error -> LOG.warn("Outbox delivery failed: {}", error.getMessage()));
  }

  private Future<Integer> deliverBatch() {
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT id, kind, recipient, subject, body, attempts FROM outbox "
            + "WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < $1 "
            + "ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(MAX_ATTEMPTS, BATCH))
        .compose(rows -> {
          List<Future<Void>> sent = new ArrayList<>();
          rows.forEach(row -> sent.add(deliver(conn, row)));
          return Future.join(sent).map(rows.size());
        }));
  }

  private Future<Void> deliver(SqlConnection conn, Row row) {
    long id = row.getLong("id");
    Message message = new Message(row.getString("kind"), row.getString("recipient"),
        row.getString("subject"), row.getString("body"));
    return vertx.<Void>executeBlocking(() -> {
      sender.send(id, message);
      return null;
    }, false)
        .compose(done -> conn.preparedQuery("UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1")
            .execute(Tuple.of(id)).<Void>mapEmpty())
        .recover(error -> {
          LOG.warn("Message {} to {} not sent: {}", id, message.recipient(), error.getMessage());
          return conn.preparedQuery("UPDATE outbox SET attempts = attempts + 1, last_error = $2, "
                  + "next_attempt_at = now() + make_interval(secs => 30 * power(2, attempts)) WHERE id = $1")
              .execute(Tuple.of(id, String.valueOf(error.getMessage()))).mapEmpty();
        });
  }
}
