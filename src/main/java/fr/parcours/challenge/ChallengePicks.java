package fr.parcours.challenge;

import fr.parcours.booking.BookingExtras;
import fr.parcours.booking.ChallengePick;
import fr.parcours.challenge.Challenge.BookingRef;
import fr.parcours.challenge.Challenge.Pick;
import fr.parcours.challenge.Challenge.Slot;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A class with a confirmed booking picks one challenge and a presentation slot, through the
 * token of its booking link. Places are taken by a conditional update (never past capacity,
 * whatever the concurrency); changing the pick gives the old places back in the same
 * transaction. A pick follows its booking: a class that leaves the confirmed list (cancelled,
 * or sent to the waiting list) lets it go; a class that grows must still fit its slot, and a
 * class whose new window no longer covers its slot must drop or change the pick first.
 */
public final class ChallengePicks implements BookingExtras {

  private final Pool pool;
  private final ChallengeRepository repository = new ChallengeRepository();
  private final Locks locks;

  public ChallengePicks(Pool pool, Locks locks) {
    this.pool = pool;
    this.locks = locks;
  }

  /**
   * Picks (or changes to) the slot of a challenge; a full slot is a 409 and the old pick stays.
   * A change holds two slots, the one left and the one taken, locked together in id order: two
   * classes swapping the same two slots in opposite directions wait for each other in turn
   * instead of each holding the slot the other wants.
   */
  Future<Void> pick(String token, long challengeId, long slotId) {
    return Retries.onRace(() -> pool.withTransaction(conn -> confirmedBooking(conn, token)
        .compose(booking -> repository.pickedSlot(conn, booking.id())
            .compose(old -> locks.take(conn, Stream.concat(Stream.of(slotId), old.stream()).map(Lock::challengeSlot).toList()))
            .map(booking))
        .compose(booking -> repository.lockSlot(conn, booking.fairId(), challengeId, slotId)
            .map(found -> found.orElseThrow(() -> AppException.unprocessable("UNKNOWN_CHALLENGE_SLOT", "slot", Map.of())))
            .map(slot -> requirePresent(booking, slot))
            .compose(slot -> repository.release(conn, booking.id())
                .compose(released -> repository.take(conn, slot.id(), slot.placesFor(booking.pupils())))
                .compose(taken -> {
                  if (!taken) {
                    throw AppException.conflict("CHALLENGE_SLOT_FULL", "slot", Map.of());
                  }
                  return repository.insertPick(conn, booking.id(), slot.id(), slot.placesFor(booking.pupils()));
                })))));
  }

  /** Gives the pick up (nothing to do when there is none). */
  Future<Void> drop(String token) {
    return Retries.onRace(() -> pool.withTransaction(conn -> lockedBooking(conn, token)
        .compose(booking -> repository.release(conn, booking.id()))));
  }

  @Override
  public Future<Optional<ChallengePick>> pick(SqlClient db, long bookingId) {
    return repository.pick(db, bookingId).map(pick -> pick.map(ChallengePicks::shown));
  }

  private static ChallengePick shown(Pick pick) {
    Slot slot = pick.slot();
    return new ChallengePick(pick.challengeId(), pick.title(), new ChallengePick.Slot(slot.id(), slot.startsAt(),
        slot.endsAt(), slot.capacity(), slot.unit(), slot.taken()), pick.places());
  }

  @Override
  public Future<Void> follow(SqlConnection conn, long bookingId) {
    return repository.lockBooking(conn, bookingId).map(Optional::orElseThrow)
        .compose(booking -> repository.pick(conn, bookingId).compose(pick -> pick
            .map(held -> followPick(conn, booking, held))
            .orElse(Future.succeededFuture())));
  }

  private Future<Void> followPick(SqlConnection conn, BookingRef booking, Pick pick) {
    if (!booking.confirmed()) {
      return repository.release(conn, booking.id());
    }
    if (!booking.present(pick.slot())) {
      throw AppException.conflict("CHALLENGE_PICK_OUTSIDE_WINDOW", "departure", Map.of());
    }
    int delta = pick.slot().placesFor(booking.pupils()) - pick.places();
    if (delta == 0) {
      return Future.succeededFuture();
    }
    return repository.resize(conn, booking.id(), delta).map(resized -> {
      if (!resized) {
        throw AppException.conflict("CHALLENGE_SLOT_OUTGROWN", "pupils", Map.of("pupils", booking.pupils(),
            "capacity", pick.slot().capacity()));
      }
      return null;
    });
  }

  /** A class presents only while it is at the fair. */
  private static Slot requirePresent(BookingRef booking, Slot slot) {
    if (!booking.present(slot)) {
      throw AppException.conflict("CHALLENGE_OUTSIDE_WINDOW", "slot", Map.of());
    }
    return slot;
  }

  private Future<BookingRef> confirmedBooking(SqlConnection conn, String token) {
    return lockedBooking(conn, token).map(booking -> {
      if (!booking.confirmed()) {
        throw AppException.conflict("BOOKING_NOT_CONFIRMED", Map.of());
      }
      return booking;
    });
  }

  private Future<BookingRef> lockedBooking(SqlConnection conn, String token) {
    return repository.lockBooking(conn, token).map(found -> found.orElseThrow(() -> AppException.notFound("booking", null)));
  }
}
