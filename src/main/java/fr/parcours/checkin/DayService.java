package fr.parcours.checkin;

import fr.parcours.auth.Organiser;
import fr.parcours.booking.Booking;
import fr.parcours.booking.BookingService;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;

/**
 * The day as the organiser follows it: who is where (flows from the actual headcounts), which
 * classes did not come by a cut-off time, and their places given to the waiting list.
 */
public final class DayService {

  /** What releasing no-shows did: the classes cancelled, and the waiting ones confirmed in their places. */
  public record Release(Fair fair, NoShows noShows, List<Arrival> released, List<Long> promoted) {
  }

  private final Pool pool;
  private final FairService fairs;
  private final BookingService bookings;
  private final CheckInRepository repository = new CheckInRepository();

  public DayService(Pool pool, FairService fairs, BookingService bookings) {
    this.pool = pool;
    this.fairs = fairs;
    this.bookings = bookings;
  }

  /** Each session's turnout, by session id, for a fair whose role the caller has checked. */
  public Future<Map<Long, Turnout>> turnout(Fair fair) {
    return repository.seats(pool, fair.id()).map(Turnout::of);
  }

  /** Every confirmed class of a fair whose role the caller has checked, with its arrival. */
  public Future<List<Arrival>> arrivals(Fair fair) {
    return repository.arrivals(pool, fair.id(), fair.zone());
  }

  public Future<Map<Long, Turnout>> turnout(String fairSlug, Organiser staff) {
    return fairs.require(fairSlug, staff, FairRole.STAFF).compose(this::turnout);
  }

  /** The classes due on {@code day} before {@code cutoff} that have not come (a day not of the fair is a 400). */
  public Future<NoShows> noShows(String fairSlug, Organiser staff, LocalDate day, LocalTime cutoff) {
    return fairs.require(fairSlug, staff, FairRole.STAFF).compose(fair -> noShows(fair, day, cutoff));
  }

  public Future<NoShows> noShows(Fair fair, LocalDate day, LocalTime cutoff) {
    LocalDate resolved = fair.day(day).day();
    return arrivals(fair).map(arrivals -> NoShows.at(arrivals, resolved, cutoff));
  }

  /**
   * Cancels the no-shows among {@code bookingIds} (all of them when null) through the booking's
   * own cancellation, which hands each freed route to the track's waiting list in order. The
   * list is read again first: a class checked in since the organiser looked keeps its place.
   * Editors and owners only: it writes to teachers. {@code asked} is read once the role is
   * checked, so staff are refused before anything about the request is said.
   */
  public Future<Release> release(String fairSlug, Organiser organiser, Supplier<NoShowQuery> asked) {
    return fairs.require(fairSlug, organiser, FairRole.EDITOR).compose(fair -> {
      NoShowQuery query = asked.get();
      List<Long> bookingIds = query.bookingIds();
      return noShows(fair, query.day(), query.cutoff()).compose(noShows -> {
          List<Arrival> chosen = noShows.classes().stream()
              .filter(a -> bookingIds == null || bookingIds.contains(a.bookingId())).toList();
          return repository.withStatus(pool, fair.id(), Booking.WAITLISTED, null)
              .compose(waiting -> cancelEach(fair, chosen)
                  .compose(done -> waiting.isEmpty() ? Future.succeededFuture(List.<Long>of())
                      : repository.withStatus(pool, fair.id(), Booking.CONFIRMED, waiting)))
              .map(promoted -> new Release(fair, noShows, chosen, promoted));
        });
    });
  }

  /** One cancellation after the other: each takes its track's lock, and promotions keep request order. */
  private Future<Void> cancelEach(Fair fair, List<Arrival> classes) {
    return repository.confirmedTokens(pool, fair.id(), classes.stream().map(Arrival::bookingId).toList())
        .compose(tokens -> {
          Future<Void> chain = Future.succeededFuture();
          for (String token : tokens) {
            chain = chain.compose(done -> bookings.cancel(token).mapEmpty());
          }
          return chain;
        });
  }
}
