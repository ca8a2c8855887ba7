package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instance's one connection LISTENing to PostgreSQL notifications, for every channel a
 * feature subscribes to before {@link #start()}. It reconnects after a drop (a database restart…);
 * notifications sent meanwhile are lost, so each subscriber is also told every time listening
 * (re)starts and catches up then (the outbox drains, caches forget what they hold). A failure
 * here never stops the server; a lost LISTEN is logged once (WARN) and shown on {@code /health}
 * until it is back ({@link DatabaseStatus}).
 */
public final class Listener {

  /** What a feature does with its channel: each notification's payload, and each (re)start. */
  public interface Subscriber {

    void notified(String payload);

    void listening();
  }

  private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
  private static final long RELISTEN_DELAY_MS = 2000;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final DatabaseStatus status;
  private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
  private volatile PgConnection connection;
  private volatile boolean stopped;

  public Listener(Vertx vertx, PgConnectOptions options, DatabaseStatus status) {
    this.vertx = vertx;
    this.options = options;
    this.status = status;
  }

  /** Subscribes to {@code channel} (a plain identifier); call before {@link #start()}. */
  public void subscribe(String channel, Subscriber subscriber) {
    if (!channel.matches("[a-z_]+")) {
      throw new IllegalArgumentException("Not a channel name: " + channel);
    }
    subscribers.put(channel, subscriber);
  }

  /** Completes once listening, or once the first attempt failed (retried in the background). */
  public Future<Void> start() {
    return listen();
  }

  public Future<Void> stop() {
    stopped = true;
    return connection == null ? Future.succeededFuture() : connection.close();
  }

  private Future<Void> listen() {
    if (stopped) {
      return Future.succeededFuture();
    }
    return PgConnection.connect(vertx, options)
        .onFailure(error -> {
          status.listenerLost("cannot connect: " + error.getMessage());
          relisten();
        })
        .compose(opened -> {
          connection = opened;
          opened.exceptionHandler(error -> LOG.debug("Listener: {}", error.getMessage()));
          opened.closeHandler(closed -> {
            if (!stopped) {
              status.listenerLost("the connection closed");
            }
            relisten();
          });
          opened.notificationHandler(n -> subscribers.get(n.getChannel()).notified(n.getPayload()));
          String statements = String.join("; ", subscribers.keySet().stream().map(c -> "LISTEN " + c).toList());
          return opened.query(statements).execute()
              .onFailure(error -> opened.close()) // its close handler tries again
              .onSuccess(listening -> {
                status.listenerBack();
                subscribers.values().forEach(Subscriber::listening);
              });
        })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private void relisten() {
    if (!stopped) {
      vertx.setTimer(RELISTEN_DELAY_MS, retry -> listen());
    }
  }
}
