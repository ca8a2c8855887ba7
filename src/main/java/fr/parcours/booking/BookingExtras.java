package fr.parcours.booking;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.Optional;

/**
 * What another feature attaches to a class booking (its challenge pick): shown with the
 * booking to its teacher, and kept in step in the very transaction that changes the booking.
 */
public interface BookingExtras {

  /** The challenge pick the booking holds, if any. */
  Future<Optional<ChallengePick>> pick(SqlClient db, long bookingId);

  /**
   * Follows the booking as its transaction just wrote it (status, headcount, window): lets go of
   * what a booking no longer confirmed held, or refuses (an AppException, rolling the change
   * back) a change what it holds cannot follow.
   */
  Future<Void> follow(SqlConnection conn, long bookingId);
}
