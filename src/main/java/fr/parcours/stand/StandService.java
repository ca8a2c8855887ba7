package fr.parcours.stand;

import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Stand reservations as associations make them (reserve a spot or wait, read, cancel) and the
 * public map. Every change runs in one transaction holding the fair's stand lock, so spots are
 * never held twice and the waiting list moves in request order; the organiser's side is
 * {@link StandDesk}.
 */
public final class StandService {

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("stand_reservation_requests", "reservation_id");

  private final Pool pool;
  private final Locks locks;
  private final FairService fairs;
  private final StandRepository repository = new StandRepository();
  private final StandLedger ledger = new StandLedger(repository);
  private volatile LongConsumer standsCommitted = fairId -> { };

  public StandService(Pool pool, FairService fairs, Locks locks) {
    this.pool = pool;
    this.locks = locks;
    this.fairs = fairs;
  }

  /**
   * Told the fair's id once a reservation or cancellation committed on this instance, before its
   * answer leaves: the association then reads the map with its own name on it, where waiting for
   * the change notification (100 ms of coalescing) showed the map prepared before.
   */
  public void onStandsCommitted(LongConsumer listener) {
    this.standsCommitted = listener;
  }

  /** The public stand map: every spot, free or reserved by whom, for each half-day. */
  public Future<JsonObject> map(String fairSlug) {
    return fairs.readable(fairSlug, null).compose(fair -> Future.all(repository.spots(pool, fair.id()),
            confirmed(pool, fair))
        .map(all -> StandJson.map(fair, all.resultAt(0), all.resultAt(1))));
  }

  private Future<List<Reservation>> confirmed(SqlClient db, Fair fair) {
    return repository.active(db, fair.id())
        .map(active -> active.stream().filter(r -> r.is(Reservation.CONFIRMED)).toList());
  }

  /** Who holds each spot (by number) for some period of the fair: the associations' names, joined. */
  public Future<Map<String, String>> holders(Fair fair) {
    return confirmed(pool, fair).map(held -> held.stream().collect(Collectors.groupingBy(r -> r.spot().number(),
        TreeMap::new, Collectors.mapping(r -> r.association().name(),
            Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), names -> String.join(" / ", names))))));
  }

  /** Reserves a spot for the association, or a place in the queue; a repeated key replays the first answer. */
  public Future<Outcome<JsonObject>> reserve(String fairSlug, long associationId, String key, StandRequest request) {
    // Keys are the association's own: another's equal key neither replays nor blocks this one.
    String ownKey = associationId + "/" + key;
    return fairs.readable(fairSlug, null).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
            KEYS.once(conn, fair.id(), ownKey, request.fingerprint(), () -> place(conn, fair, associationId, request),
                Reservation::id, id -> ledger.read(conn, id))))
        .onSuccess(committed -> standsCommitted.accept(fair.id()))
        .map(outcome -> new Outcome<>(StandJson.reservation(outcome.value(), fair), outcome.created())));
  }

  /** One of the association's own reservations. */
  public Future<JsonObject> show(String fairSlug, long associationId, long reservationId) {
    return fairs.readable(fairSlug, null).compose(fair -> repository.byId(pool, reservationId)
        .map(found -> StandJson.reservation(owned(found, fair, associationId), fair)));
  }

  /** The association's active reservations, for its schedule. */
  public Future<JsonArray> ofAssociation(SqlClient db, Fair fair, long associationId) {
    return repository.activeOf(db, associationId).map(reservations -> StandJson.reservations(reservations, fair));
  }

  /** Cancels (again: no change), frees the spot and promotes whoever waits for it. */
  public Future<JsonObject> cancel(String fairSlug, long associationId, long reservationId) {
    return fairs.readable(fairSlug, null).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
            locks.take(conn, Lock.stands(fair.id()))
                .compose(locked -> repository.byId(conn, reservationId))
                .map(found -> owned(found, fair, associationId))
                .compose(current -> current.is(Reservation.CANCELLED) ? Future.succeededFuture()
                    : repository.cancel(conn, current.id()).compose(cancelled -> ledger.promote(conn, fair)))
                .compose(done -> ledger.read(conn, reservationId))))
        .onSuccess(committed -> standsCommitted.accept(fair.id()))
        .map(reservation -> StandJson.reservation(reservation, fair)));
  }

  private Future<Reservation> place(SqlConnection conn, Fair fair, long associationId, StandRequest request) {
    LocalDate day = fair.day(request.day()).day();
    return repository.association(conn, associationId)
        .map(found -> found.filter(a -> a.fairId() == fair.id())
            .orElseThrow(() -> AppException.forbiddenBecause("association_other_fair")))
        .compose(association -> locks.take(conn, Lock.stands(fair.id()))
            // Sent together: the connection pipelines them, the lock is held for fewer round trips.
            .compose(locked -> Future.all(ledger.requireFree(conn, association, day, request.period(), -1),
                repository.spots(conn, fair.id()), repository.holds(conn, fair.id())))
            .compose(all -> {
              List<Spot> spots = all.resultAt(1);
              List<StandPlanner.Hold> holds = all.resultAt(2);
              return wish(conn, fair, spots, request).compose(wish -> repository.insert(conn, fair.id(),
                  association.id(), day, request.period(),
                  StandPlanner.pick(spots, holds, day, request.period(), wish).map(Spot::id).orElse(null), wish));
            }))
        .compose(id -> ledger.read(conn, id))
        .compose(reservation -> reservation.is(Reservation.CONFIRMED)
            ? ledger.tell(conn, reservation, StandMessages.Notice.CONFIRMED, fair).map(reservation)
            : Future.succeededFuture(reservation));
  }

  /** What the request asks for, with its spot or zone resolved; a wish no spot can ever meet is refused. */
  private Future<SpotWish> wish(SqlConnection conn, Fair fair, List<Spot> spots, StandRequest request) {
    if (request.spot() != null) {
      return Future.succeededFuture(SpotWish.spot(StandLedger.spotNumbered(spots, request.spot()).id()));
    }
    StandRequest.Needs needs = request.needs();
    Future<Long> zone = needs.zone() == null ? Future.succeededFuture() : repository.zoneId(conn, fair.id(), needs.zone())
        .map(found -> found.orElseThrow(() -> AppException.unprocessable("UNKNOWN_ZONE", "needs.zone", Map.of())));
    return zone.map(zoneId -> {
      SpotWish wish = new SpotWish(null, needs.power(), needs.minWidth(), needs.minDepth(), zoneId);
      if (!StandPlanner.possible(spots, wish)) {
        throw AppException.unprocessable("NO_SPOT_FITS", "needs", Map.of());
      }
      return wish;
    });
  }

  /** The reservation if it is the association's, in this fair: another's is FORBIDDEN. */
  private static Reservation owned(Optional<Reservation> found, Fair fair, long associationId) {
    Reservation reservation = found.filter(r -> r.fairId() == fair.id())
        .orElseThrow(() -> AppException.notFound("stand_reservation", null));
    if (reservation.association().id() != associationId) {
      throw AppException.forbiddenBecause("other_association");
    }
    return reservation;
  }
}
