package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The booking writer as an allocation uses it (#17): what the fair offers now, and a class
 * booked on exactly the route the allocation gave it, or put at the end of a waiting list. The
 * caller holds the fair's, the schools' and the tracks' locks ({@code db/Locks}) for the whole
 * transaction, as a booking's own transaction would; each teacher is told as a booking's is.
 */
public final class AllocatedBookings {

  /** A track in the fair's order, with the sessions its routes are chosen from as booked now. */
  public record OfferedTrack(long id, String slug, String name, Timetable timetable) {
  }

  /** What the fair offers an allocation: its tracks and its booking rules. */
  public record Offer(List<OfferedTrack> tracks, BookingRules rules) {
  }

  private final BookingRepository repository = new BookingRepository();
  private final Placements placements;

  public AllocatedBookings(Placements placements) {
    this.placements = placements;
  }

  public Future<Offer> offer(SqlClient db, long fairId) {
    return Future.all(repository.tracks(db, fairId), repository.timetables(db, fairId), repository.rules(db, fairId))
        .map(read -> {
          List<TrackRef> tracks = read.resultAt(0);
          Map<Long, Timetable> timetables = read.resultAt(1);
          return new Offer(tracks.stream().map(t -> new OfferedTrack(t.id(), t.slug(), t.name(),
              timetables.getOrDefault(t.id(), new Timetable(List.of())))).toList(), read.resultAt(2));
        });
  }

  /**
   * Books the class, confirmed, on {@code route} of {@code trackId}; refuses (409
   * {@code ROUTE_UNAVAILABLE}) if the route no longer holds the class as the track stands now.
   */
  public Future<Booking> confirm(SqlConnection conn, Fair fair, long trackId, BookingRequest request, String language,
                                 Route route) {
    return repository.timetable(conn, trackId).compose(timetable -> {
      if (!RouteFinder.holds(timetable, route, Need.of(fair, request))) {
        throw AppException.conflict("ROUTE_UNAVAILABLE", Map.of());
      }
      return repository.insert(conn, fair.id(), trackId, Tokens.newToken(), request, Booking.CONFIRMED, language);
    }).compose(id -> repository.reserve(conn, id, route, request.people()).map(id))
        .compose(id -> told(conn, fair, id, Notice.ALLOCATED));
  }

  /** Puts the class at the end of the track's waiting list (it moves there in order as places free up). */
  public Future<Booking> waitlist(SqlConnection conn, Fair fair, long trackId, BookingRequest request, String language) {
    return repository.insert(conn, fair.id(), trackId, Tokens.newToken(), request, Booking.WAITLISTED, language)
        .compose(id -> told(conn, fair, id, Notice.ALLOCATION_WAITLISTED));
  }

  private Future<Booking> told(SqlConnection conn, Fair fair, long id, Notice notice) {
    return repository.byId(conn, id).map(Optional::orElseThrow)
        .compose(booking -> placements.tell(conn, booking, notice, fair));
  }
}
