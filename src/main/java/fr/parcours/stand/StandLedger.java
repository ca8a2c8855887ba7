package fr.parcours.stand;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.i18n.Term;
import fr.parcours.mail.Outbox;
import fr.parcours.stand.Reservation.Association;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to a fair's spots inside a transaction holding its stand lock: the one rule
 * every reservation keeps (one per association per period), the waiting list moving in
 * request order, and each association told.
 */
final class StandLedger {

  private final StandRepository repository;

  StandLedger(StandRepository repository) {
    this.repository = repository;
  }

  /** One active reservation per association per period: a whole day overlaps both halves. */
  Future<Void> requireFree(SqlConnection conn, Association association, LocalDate day, StandPeriod period,
                           long exceptId) {
    return repository.activeOf(conn, association.id(), day, exceptId).map(active -> {
      active.stream().filter(other -> other.period().overlaps(period)).findFirst().ifPresent(other -> {
        throw AppException.conflict("STAND_ALREADY_RESERVED", "period", Map.of("association", association.name(),
            "status", Term.of("association_stand_" + other.status()),
            "period", Term.of("association_period_" + other.period().json())));
      });
      return null;
    });
  }

  /** Gives free spots to the waiting list, in request order, and tells each association promoted. */
  Future<Void> promote(SqlConnection conn, Fair fair) {
    return Future.all(repository.spots(conn, fair.id()), repository.holds(conn, fair.id()),
        repository.waiting(conn, fair.id())).compose(all -> {
          Future<Void> chain = Future.succeededFuture();
          for (StandPlanner.Promotion promotion : StandPlanner.promote(all.resultAt(0), all.resultAt(1), all.resultAt(2))) {
            StandPlanner.Waiting waiting = promotion.waiting();
            chain = chain.compose(done -> repository.place(conn, waiting.reservationId(), promotion.spot().id(),
                    waiting.day(), waiting.period())
                .compose(placed -> tell(conn, waiting.reservationId(), StandMessages.Notice.PROMOTED, fair)));
          }
          return chain;
        });
  }

  /** Writes to the association, in the same transaction; one without a contact address is not written to. */
  Future<Void> tell(SqlConnection conn, long reservationId, StandMessages.Notice notice, Fair fair) {
    return read(conn, reservationId).compose(reservation -> tell(conn, reservation, notice, fair));
  }

  /** Writes about the reservation as it was just read in this transaction. */
  Future<Void> tell(SqlConnection conn, Reservation reservation, StandMessages.Notice notice, Fair fair) {
    return reservation.association().email().isBlank()
        ? Future.succeededFuture()
        : Outbox.enqueue(conn, StandMessages.of(notice, reservation, fair));
  }

  Future<Reservation> read(SqlConnection conn, long id) {
    return repository.byId(conn, id).map(Optional::orElseThrow);
  }

  static Spot spotNumbered(List<Spot> spots, String number) {
    return spots.stream().filter(spot -> spot.number().equals(number)).findFirst()
        .orElseThrow(() -> AppException.unprocessable("UNKNOWN_SPOT", "spot", Map.of()));
  }
}
