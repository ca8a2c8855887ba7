package fr.parcours.booking;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

/**
 * What another feature attaches to a class booking (its challenge pick): shown with the
 * booking to its teacher, and kept in step in the very transaction that changes the booking.
 */
public interface BookingExtras {

  /** The booking's JSON with the extra added, when the booking has one. */
  Future<JsonObject> show(SqlClient db, long bookingId, Fair fair, JsonObject booking);

  /**
   * Follows the booking as its transaction just wrote it (status, headcount, window): lets go of
   * what a booking no longer confirmed held, or refuses (an AppException, rolling the change
   * back) a change what it holds cannot follow.
   */
  Future<Void> follow(SqlConnection conn, long bookingId);
}
