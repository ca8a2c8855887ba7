package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.SessionChanges;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Comparator;
import java.util.Optional;

/** Bookings follow the organiser's edits of a session, inside the edit's transaction. */
public final class SessionFollowUp implements SessionChanges {

  private final BookingRepository repository = new BookingRepository();
  private final Placements placements;

  public SessionFollowUp(Placements placements) {
    this.placements = placements;
  }

  /**
   * Inside the organiser's write of a session, its track locked: classes whose route it broke
   * (cancelled, moved out of their window or onto another of their sessions) get another route,
   * or the waiting list; then classes waiting for the track take whatever places opened.
   */
  @Override
  public Future<Void> sessionWritten(SqlConnection conn, Fair fair, long sessionId, long trackId) {
    return followSession(conn, fair, trackId, sessionId).compose(done -> placements.promote(conn, fair, trackId));
  }

  private Future<Void> followSession(SqlConnection conn, Fair fair, long trackId, long sessionId) {
    return repository.attendees(conn, fair.id(), sessionId).compose(holders -> {
      Future<Void> chain = Future.succeededFuture();
      // First booked, first served with the places left elsewhere.
      for (Booking holder : holders.stream().sorted(Comparator.comparingLong(Booking::id)).toList()) {
        chain = chain.compose(done -> repository.timetable(conn, trackId)
            .compose(timetable -> keepOrReroute(conn, fair, timetable, holder, sessionId)));
      }
      return chain;
    });
  }

  /** Leaves a route that still holds alone; otherwise moves the class as little as possible. */
  private Future<Void> keepOrReroute(SqlConnection conn, Fair fair, Timetable timetable, Booking holder, long sessionId) {
    Need need = Need.of(fair, holder.request());
    Timetable withoutOwn = timetable.release(holder.route().sessionIds(), holder.request().people());
    if (RouteFinder.holds(withoutOwn, holder.route(), need)) {
      return Future.succeededFuture();
    }
    Optional<Route> route = RouteFinder.findNear(withoutOwn, holder.route(), sessionId, need);
    return repository.release(conn, holder.id())
        .compose(released -> route
            .map(found -> placements.confirm(conn, fair, holder, found, Notice.REROUTED))
            .orElseGet(() -> placements.bump(conn, fair, holder)));
  }
}
