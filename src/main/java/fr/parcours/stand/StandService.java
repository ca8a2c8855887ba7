package fr.parcours.stand;

import fr.parcours.auth.Organiser;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.mail.Outbox;
import fr.parcours.mail.Wording;
import fr.parcours.stand.Reservation.Association;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stand reservations: an association reserves a spot (or waits), cancels; the organiser assigns
 * and moves; anyone reads the map. Every change runs in one transaction holding the fair's
 * stand lock, so spots are never held twice and the waiting list moves in request order.
 */
public final class StandService {

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("stand_reservation_requests", "reservation_id");

  private final Pool pool;
  private final FairService fairs;
  private final StandRepository repository = new StandRepository();

  public StandService(Pool pool, FairService fairs) {
    this.pool = pool;
    this.fairs = fairs;
  }

  /** The public stand map: every spot, free or reserved by whom, for each half-day. */
  public Future<JsonObject> map(String fairSlug) {
    return fairs.readable(fairSlug, null).compose(fair -> Future.all(repository.spots(pool, fair.id()),
            repository.active(pool, fair.id()))
        .map(all -> StandJson.map(fair, all.resultAt(0),
            all.<List<Reservation>>resultAt(1).stream().filter(r -> r.is(Reservation.CONFIRMED)).toList())));
  }

  /** Reserves a spot for the association, or a place in the queue; a repeated key replays the first answer. */
  public Future<Outcome<JsonObject>> reserve(String fairSlug, long associationId, String key, StandRequest request) {
    return fairs.readable(fairSlug, null).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
            KEYS.once(conn, fair.id(), key, request.fingerprint(), () -> place(conn, fair, associationId, request),
                Reservation::id, id -> read(conn, id))))
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
            repository.lockStands(conn, fair.id())
                .compose(locked -> repository.byId(conn, reservationId))
                .map(found -> owned(found, fair, associationId))
                .compose(current -> current.is(Reservation.CANCELLED) ? Future.succeededFuture()
                    : repository.cancel(conn, current.id()).compose(cancelled -> promote(conn, fair)))
                .compose(done -> read(conn, reservationId))))
        .map(reservation -> StandJson.reservation(reservation, fair)));
  }

  /** Every active reservation of the organiser's fair, the waiting list in order. */
  public Future<JsonObject> list(String fairSlug, Organiser organiser) {
    return fairs.requireOwned(fairSlug, organiser).compose(fair -> repository.active(pool, fair.id())
        .map(reservations -> new JsonObject().put("reservations", StandJson.reservations(reservations, fair))));
  }

  /**
   * The organiser gives a waiting reservation a spot, or moves a confirmed one to another spot,
   * day or period; the same conflicts are refused, the association is told, and whoever waits
   * for what the move freed is promoted.
   */
  public Future<JsonObject> assign(String fairSlug, Organiser organiser, long reservationId, StandPlacement placement) {
    return fairs.requireOwned(fairSlug, organiser).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
            repository.lockStands(conn, fair.id())
                .compose(locked -> repository.byId(conn, reservationId))
                .map(found -> found.filter(r -> r.fairId() == fair.id())
                    .orElseThrow(() -> AppException.notFound("Stand reservation " + reservationId)))
                .compose(current -> move(conn, fair, current, placement))
                .compose(done -> promote(conn, fair))
                .compose(done -> read(conn, reservationId))))
        .map(reservation -> StandJson.reservation(reservation, fair)));
  }

  private Future<Reservation> place(SqlConnection conn, Fair fair, long associationId, StandRequest request) {
    LocalDate day = fair.day(request.day()).day();
    return repository.association(conn, associationId)
        .map(found -> found.filter(a -> a.fairId() == fair.id())
            .orElseThrow(() -> AppException.forbidden("The association takes part in another fair")))
        .compose(association -> repository.lockStands(conn, fair.id())
            // Sent together: the connection pipelines them, the lock is held for fewer round trips.
            .compose(locked -> Future.all(requireFree(conn, association, day, request.period(), -1),
                repository.spots(conn, fair.id()), repository.holds(conn, fair.id())))
            .compose(all -> {
              List<Spot> spots = all.resultAt(1);
              List<StandPlanner.Hold> holds = all.resultAt(2);
              return wish(conn, fair, spots, request).compose(wish -> repository.insert(conn, fair.id(),
                  association.id(), day, request.period(),
                  StandPlanner.pick(spots, holds, day, request.period(), wish).map(Spot::id).orElse(null), wish));
            }))
        .compose(id -> read(conn, id));
  }

  /** What the request asks for, with its spot or zone resolved; a wish no spot can ever meet is refused. */
  private Future<SpotWish> wish(SqlConnection conn, Fair fair, List<Spot> spots, StandRequest request) {
    if (request.spot() != null) {
      return Future.succeededFuture(SpotWish.spot(spotNumbered(spots, request.spot()).id()));
    }
    StandRequest.Needs needs = request.needs();
    Future<Long> zone = needs.zone() == null ? Future.succeededFuture() : repository.zoneId(conn, fair.id(), needs.zone())
        .map(found -> found.orElseThrow(() -> AppException.unprocessable("UNKNOWN_ZONE", "needs.zone", "is not a zone of this fair")));
    return zone.map(zoneId -> {
      SpotWish wish = new SpotWish(null, needs.power(), needs.minWidth(), needs.minDepth(), zoneId);
      if (!StandPlanner.possible(spots, wish)) {
        throw AppException.unprocessable("NO_SPOT_FITS", "needs", "no stand spot of this fair meets these needs");
      }
      return wish;
    });
  }

  private Future<Void> move(SqlConnection conn, Fair fair, Reservation current, StandPlacement placement) {
    if (current.is(Reservation.CANCELLED)) {
      throw AppException.conflict("RESERVATION_CANCELLED", "The stand reservation is cancelled");
    }
    LocalDate day = fair.day(placement.day() == null ? current.day() : placement.day()).day();
    StandPeriod period = placement.period() == null ? current.period() : placement.period();
    Wording notice = current.is(Reservation.WAITING) ? StandMessages.ASSIGNED : StandMessages.MOVED;
    return requireFree(conn, current.association(), day, period, current.id())
        .compose(free -> Future.all(repository.spots(conn, fair.id()), repository.holds(conn, fair.id())))
        .compose(all -> {
          Spot spot = spotNumbered(all.resultAt(0), placement.spot());
          List<StandPlanner.Hold> others = all.<List<StandPlanner.Hold>>resultAt(1).stream()
              .filter(hold -> hold.reservationId() != current.id()).toList();
          return requireSpotFree(conn, others, spot, day, period)
              .compose(free -> repository.place(conn, current.id(), spot.id(), day, period));
        })
        .compose(placed -> tell(conn, current.id(), notice, fair));
  }

  /** One active reservation per association per period: a whole day overlaps both halves. */
  private Future<Void> requireFree(SqlConnection conn, Association association, LocalDate day, StandPeriod period,
                                   long exceptId) {
    return repository.activeOf(conn, association.id(), day, exceptId).map(active -> {
      active.stream().filter(other -> other.period().overlaps(period)).findFirst().ifPresent(other -> {
        throw AppException.conflict("STAND_ALREADY_RESERVED", "period", association.name()
            + " already has a stand reservation (" + other.status() + ", " + other.period().json() + ") then");
      });
      return null;
    });
  }

  private Future<Void> requireSpotFree(SqlConnection conn, List<StandPlanner.Hold> others, Spot spot, LocalDate day,
                                       StandPeriod period) {
    Optional<StandPlanner.Hold> blocking = others.stream().filter(h -> h.blocks(spot.id(), day, period)).findFirst();
    if (blocking.isEmpty()) {
      return Future.succeededFuture();
    }
    return read(conn, blocking.get().reservationId()).map(holder -> {
      throw AppException.conflict("SPOT_TAKEN", "spot", "Stand spot " + spot.number() + " is reserved by "
          + holder.association().name() + " (" + holder.period().json() + ") then");
    });
  }

  /** Gives free spots to the waiting list, in request order, and tells each association promoted. */
  private Future<Void> promote(SqlConnection conn, Fair fair) {
    return Future.all(repository.spots(conn, fair.id()), repository.holds(conn, fair.id()),
        repository.waiting(conn, fair.id())).compose(all -> {
          Future<Void> chain = Future.succeededFuture();
          for (StandPlanner.Promotion promotion : StandPlanner.promote(all.resultAt(0), all.resultAt(1), all.resultAt(2))) {
            StandPlanner.Waiting waiting = promotion.waiting();
            chain = chain.compose(done -> repository.place(conn, waiting.reservationId(), promotion.spot().id(),
                    waiting.day(), waiting.period())
                .compose(placed -> tell(conn, waiting.reservationId(), StandMessages.PROMOTED, fair)));
          }
          return chain;
        });
  }

  /** Writes to the association, in the same transaction; one without a contact address is not written to. */
  private Future<Void> tell(SqlConnection conn, long reservationId, Wording notice, Fair fair) {
    return read(conn, reservationId).compose(reservation -> reservation.association().email().isBlank()
        ? Future.succeededFuture()
        : Outbox.enqueue(conn, StandMessages.of(notice, reservation, fair)));
  }

  private Future<Reservation> read(SqlConnection conn, long id) {
    return repository.byId(conn, id).map(Optional::orElseThrow);
  }

  /** The reservation if it is the association's, in this fair: another's is FORBIDDEN. */
  private static Reservation owned(Optional<Reservation> found, Fair fair, long associationId) {
    Reservation reservation = found.filter(r -> r.fairId() == fair.id())
        .orElseThrow(() -> AppException.notFound("Stand reservation"));
    if (reservation.association().id() != associationId) {
      throw AppException.forbidden("This stand reservation belongs to another association");
    }
    return reservation;
  }

  private static Spot spotNumbered(List<Spot> spots, String number) {
    return spots.stream().filter(spot -> spot.number().equals(number)).findFirst()
        .orElseThrow(() -> AppException.unprocessable("UNKNOWN_SPOT", "spot", "is not a stand spot number of this fair"));
  }
}
