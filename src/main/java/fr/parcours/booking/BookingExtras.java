package fr.parcours.booking;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

/**
 * What another feature attaches to a class booking (its challenge pick): shown with the
 * booking to its teacher, and let go in the very transaction that cancels the booking.
 */
public interface BookingExtras {

  /** The booking's JSON with the extra added, when the booking has one. */
  Future<JsonObject> show(SqlClient db, long bookingId, Fair fair, JsonObject booking);

  /** Lets go of what the booking held; runs after the booking row is marked cancelled, under its lock. */
  Future<Void> cancelled(SqlConnection conn, long bookingId);
}
