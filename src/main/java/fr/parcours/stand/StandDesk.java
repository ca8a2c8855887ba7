package fr.parcours.stand;

import fr.parcours.auth.Organiser;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.i18n.Term;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The organiser's side of stands: every reservation of the fair, and assigning or moving one. */
public final class StandDesk {

  private final Pool pool;
  private final Locks locks;
  private final FairService fairs;
  private final StandRepository repository = new StandRepository();
  private final StandLedger ledger = new StandLedger(repository);

  public StandDesk(Pool pool, FairService fairs, Locks locks) {
    this.pool = pool;
    this.locks = locks;
    this.fairs = fairs;
  }

  /** Every active reservation of the organiser's fair, confirmed first, then the waiting list in order. */
  public Future<JsonObject> list(String fairSlug, Organiser organiser) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> repository.active(pool, fair.id())
        .map(reservations -> new JsonObject().put("reservations", StandJson.reservations(reservations, fair))));
  }

  /**
   * Gives a waiting reservation a spot, or moves a confirmed one to another spot, day or period;
   * the same conflicts are refused, the association is told, and whoever waits for what the
   * move freed is promoted.
   */
  public Future<JsonObject> assign(String fairSlug, Organiser organiser, long reservationId, JsonInput body) {
    // The role first: staff are refused before their body is read.
    return fairs.require(fairSlug, organiser, FairRole.EDITOR).compose(fair -> assign(fair, reservationId,
        StandPlacement.parse(body)));
  }

  private Future<JsonObject> assign(Fair fair, long reservationId, StandPlacement placement) {
    return Retries.onRace(() -> pool.withTransaction(conn ->
            locks.take(conn, Lock.stands(fair.id()))
                .compose(locked -> repository.byId(conn, reservationId))
                .map(found -> found.filter(r -> r.fairId() == fair.id())
                    .orElseThrow(() -> AppException.notFound("stand_reservation", reservationId)))
                .compose(current -> move(conn, fair, current, placement))
                .compose(done -> ledger.promote(conn, fair))
                .compose(done -> ledger.read(conn, reservationId))))
        .map(reservation -> StandJson.reservation(reservation, fair));
  }

  private Future<Void> move(SqlConnection conn, Fair fair, Reservation current, StandPlacement placement) {
    if (current.is(Reservation.CANCELLED)) {
      throw AppException.conflict("RESERVATION_CANCELLED", Map.of());
    }
    LocalDate day = fair.day(placement.day() == null ? current.day() : placement.day()).day();
    StandPeriod period = placement.period() == null ? current.period() : placement.period();
    StandMessages.Notice notice = current.is(Reservation.WAITING) ? StandMessages.Notice.ASSIGNED
        : StandMessages.Notice.MOVED;
    return ledger.requireFree(conn, current.association(), day, period, current.id())
        .compose(free -> Future.all(repository.spots(conn, fair.id()), repository.holds(conn, fair.id())))
        .compose(all -> {
          Spot spot = StandLedger.spotNumbered(all.resultAt(0), placement.spot());
          List<StandPlanner.Hold> others = all.<List<StandPlanner.Hold>>resultAt(1).stream()
              .filter(hold -> hold.reservationId() != current.id()).toList();
          return requireSpotFree(conn, others, spot, day, period)
              .compose(free -> repository.place(conn, current.id(), spot.id(), day, period));
        })
        .compose(placed -> ledger.tell(conn, current.id(), notice, fair));
  }

  /** The spot must be free then: a clash names the association holding it. */
  private Future<Void> requireSpotFree(SqlConnection conn, List<StandPlanner.Hold> others, Spot spot, LocalDate day,
                                       StandPeriod period) {
    Optional<StandPlanner.Hold> blocking = others.stream().filter(h -> h.blocks(spot.id(), day, period)).findFirst();
    if (blocking.isEmpty()) {
      return Future.succeededFuture();
    }
    return ledger.read(conn, blocking.get().reservationId()).map(holder -> {
      throw AppException.conflict("SPOT_TAKEN", "spot", Map.of("spot", spot.number(),
          "association", holder.association().name(), "period", Term.of("association_period_" + holder.period().json())));
    });
  }
}
