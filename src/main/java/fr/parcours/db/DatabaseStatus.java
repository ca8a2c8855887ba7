package fr.parcours.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What this instance knows of its database, for logs and {@code /health}. A trouble (an
 * outage, lock waits running out, the pool exhausted) is one incident, logged as one WARN line
 * when it starts, however many requests it refuses; it ends when the database answers again
 * (a health check, the listener back) or after a quiet spell, and its end is logged once too.
 * The listener's state is kept here as well: a lost LISTEN is logged once and shown.
 */
public final class DatabaseStatus {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatus.class);
  /** Without a failure of its kind for this long, an incident is over. */
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);
  /** /health reports a busy pool or lock waits running out for this long after the last one. */
  private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final class Incident {
    final long started;
    long lastSeen;
    long refused;

    Incident(long now) {
      started = now;
      lastSeen = now;
    }
  }

  private final Map<Trouble, Incident> open = new EnumMap<>(Trouble.class);
  private String listenerProblem;

  /** Counts a request refused for {@code trouble}; the first of an incident is logged. */
  public synchronized void refused(Trouble trouble, Throwable failure) {
    long now = System.nanoTime();
    Incident incident = open.get(trouble);
    if (incident == null || now - incident.lastSeen > QUIET_NANOS) {
      if (incident != null) {
        logEnd(trouble, incident);
      }
      incident = new Incident(now);
      open.put(trouble, incident);
      LOG.warn("{}: answering 503 {} until it passes ({}); further refusals are counted, not logged",
          describe(trouble), trouble.code(), failure.getMessage());
    }
    incident.lastSeen = now;
    incident.refused++;
  }

  /** The database answered: an outage, if one was open, is over. */
  public synchronized void answered() {
    Incident incident = open.remove(Trouble.UNAVAILABLE);
    if (incident != null) {
      logEnd(Trouble.UNAVAILABLE, incident);
    }
  }

  public synchronized void listenerLost(String why) {
    if (listenerProblem == null) {
      LOG.warn("Lost the LISTEN connection ({}); reconnecting, notifications are delayed until then", why);
    }
    listenerProblem = why;
  }

  public synchronized void listenerBack() {
    if (listenerProblem != null) {
      LOG.info("Listening for database notifications again");
    }
    listenerProblem = null;
    answered();
  }

  /** Null while listening; otherwise why not. */
  public synchronized String listenerProblem() {
    return listenerProblem;
  }

  /** Whether {@code trouble} refused a request within the last few seconds. */
  public synchronized boolean recently(Trouble trouble) {
    Incident incident = open.get(trouble);
    return incident != null && System.nanoTime() - incident.lastSeen <= RECENT_NANOS;
  }

  private static void logEnd(Trouble trouble, Incident incident) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(incident.lastSeen - incident.started);
    LOG.info("{} is over: {} requests answered 503 {} over {} s", describe(trouble), incident.refused,
        trouble.code(), seconds);
  }

  private static String describe(Trouble trouble) {
    return switch (trouble) {
      case UNAVAILABLE -> "Database unavailable";
      case BUSY -> "Database lock or statement waits running out";
      case POOL_EXHAUSTED -> "Connection pool exhausted";
    };
  }
}
