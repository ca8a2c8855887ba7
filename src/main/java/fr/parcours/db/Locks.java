package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that takes the locks a change needs (as pretix's {@code lock_objects}): in one
 * order, whatever the caller, and bounded by {@code SET LOCAL lock_timeout}, so that a lock held
 * elsewhere (a frozen instance, a DBA's psql) is answered 503 {@code DATABASE_BUSY} by
 * {@link Trouble}, never waited on for ever. Two transactions that take their locks here can
 * never wait on each other in a cycle.
 *
 * <p>The order is {@link Kind}'s, then the key's within a kind. A transaction takes its locks
 * in one call where it can; a later call of the same transaction may only take kinds after
 * those it holds (more of the same kind only under a lock that serialises every such
 * transaction, as the fair's does for session moves). A row that a change reads
 * {@code FOR UPDATE} to edit it (a booking by its link, an offer, a session) is taken after the
 * locks of its kind's predecessors, as if it were of its kind. Call it inside a transaction:
 * every lock here lasts until it ends.
 */
public final class Locks {

  /** What can be locked, in the order locks are taken. */
  public enum Kind {
    /** A fair's row: its organisers' writes to its structure (resources, team, placement, plans). */
    FAIR("SELECT id FROM fairs WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE"),
    /**
     * A fair's stand area (advisory): its reservations, cancellations, promotions and organiser
     * moves run one at a time, so its waiting list moves in request order.
     */
    STANDS("SELECT pg_advisory_xact_lock(hashtextextended('stands:' || f, 0)) "
        + "FROM (SELECT f FROM unnest($1::bigint[]) AS l(f) ORDER BY f) l"),
    /** A school's bookings on a fair (advisory: its caps count rows that do not exist yet). */
    SCHOOL("SELECT pg_advisory_xact_lock(hashtextextended('booking-school:' || f || ':' || u, 0)) "
        + "FROM (SELECT f, u FROM unnest($1::bigint[], $2::text[]) AS l(f, u) ORDER BY f, u) l"),
    /** A track's row: the mutex of its sessions' places, its timetable and its waiting list. */
    TRACK("SELECT id FROM tracks WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE"),
    /** A booking's row: what hangs on it (a challenge pick) follows it. */
    BOOKING("SELECT id FROM bookings WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE"),
    /** A challenge slot's row: its places taken. */
    CHALLENGE_SLOT("SELECT id FROM challenge_slots WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE");

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  /** One lock: its kind, a row id (the fair's for the advisory kinds) and, for a school, its UAI. */
  public record Lock(Kind kind, long id, String name) {

    private static final Comparator<Lock> ORDER = Comparator.comparing(Lock::kind).thenComparingLong(Lock::id)
        .thenComparing(Lock::name);

    public static Lock fair(long id) {
      return new Lock(Kind.FAIR, id, "");
    }

    public static Lock stands(long fairId) {
      return new Lock(Kind.STANDS, fairId, "");
    }

    public static Lock school(long fairId, String uai) {
      return new Lock(Kind.SCHOOL, fairId, uai);
    }

    public static Lock track(long id) {
      return new Lock(Kind.TRACK, id, "");
    }

    public static Lock booking(long id) {
      return new Lock(Kind.BOOKING, id, "");
    }

    public static Lock challengeSlot(long id) {
      return new Lock(Kind.CHALLENGE_SLOT, id, "");
    }
  }

  private final int waitMs;

  /** Locks waited for at most {@code waitMs} each (the setting {@code db.lock_timeout_ms}). */
  public Locks(int waitMs) {
    this.waitMs = waitMs;
  }

  public Future<Void> take(SqlClient tx, Lock... locks) {
    return take(tx, List.of(locks));
  }

  /**
   * Takes {@code locks} in the one order, one statement a kind. The statements are sent at
   * once (the connection pipelines them, PostgreSQL runs them in turn): the bound and the
   * locks cost one round trip. The first refusal is the answer; those after it only say the
   * transaction was aborted.
   */
  public Future<Void> take(SqlClient tx, List<Lock> locks) {
    if (locks.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<?>> sent = new ArrayList<>();
    sent.add(tx.query("SET LOCAL lock_timeout = " + waitMs).execute());
    byKind(locks).forEach((kind, ofKind) -> sent.add(tx.preparedQuery(kind.sql).execute(keys(kind, ofKind))));
    return Future.join(sent).recover(failed -> Future.failedFuture(firstFailure(sent))).mapEmpty();
  }

  private static Map<Kind, List<Lock>> byKind(List<Lock> locks) {
    Map<Kind, List<Lock>> byKind = new TreeMap<>();
    locks.stream().sorted(Lock.ORDER).distinct()
        .forEach(lock -> byKind.computeIfAbsent(lock.kind(), kind -> new ArrayList<>()).add(lock));
    return byKind;
  }

  private static Tuple keys(Kind kind, List<Lock> ofKind) {
    Long[] ids = ofKind.stream().map(Lock::id).toArray(Long[]::new);
    return kind == Kind.SCHOOL ? Tuple.of(ids, (Object) ofKind.stream().map(Lock::name).toArray(String[]::new))
        : Tuple.of(ids);
  }

  private static Throwable firstFailure(List<Future<?>> sent) {
    return sent.stream().filter(Future::failed).map(Future::cause).findFirst().orElseThrow();
  }
}
