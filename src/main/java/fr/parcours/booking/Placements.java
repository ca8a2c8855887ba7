package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.fair.Fair;
import fr.parcours.mail.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What happens to places inside a transaction that holds a track's lock: a class is given its
 * route, the waiting list moves in order, and each teacher concerned is told.
 */
public final class Placements {

  private final BookingRepository repository = new BookingRepository();
  private final BookingLinks links;
  private final BookingExtras extras;
  /** The transactions telling each teacher once, at their end: booking ids and the last notice due. */
  private final Map<SqlConnection, Map<Long, Notice>> batches = new ConcurrentHashMap<>();

  public Placements(BookingLinks links, BookingExtras extras) {
    this.links = links;
    this.extras = extras;
  }

  /**
   * Gives freed places to waiting bookings, in request order, and tells each promoted teacher;
   * where the fair sets a deadline the place is an offer to accept before it.
   */
  Future<Void> promote(SqlConnection conn, Fair fair, long trackId) {
    return repository.timetable(conn, trackId).compose(timetable -> repository.waiting(conn, trackId)
        .compose(queue -> {
          List<Waitlist.Entry> entries = queue.stream()
              .map(b -> new Waitlist.Entry(b.id(), Need.of(fair, b.request()))).toList();
          Future<Void> chain = Future.succeededFuture();
          for (Waitlist.Promotion promotion : Waitlist.promote(timetable, entries)) {
            Booking booking = queue.stream().filter(b -> b.id() == promotion.bookingId()).findFirst().orElseThrow();
            Integer offerHours = fair.registration().offerHours();
            chain = chain.compose(done -> hold(conn, booking, promotion.route()))
                .compose(held -> offerHours == null ? Future.<Void>succeededFuture()
                    : repository.offer(conn, booking.id(), offerHours))
                .compose(offered -> notify(conn, booking.id(), Notice.PROMOTED, fair)).mapEmpty();
          }
          return chain;
        }));
  }

  /** Gives the booking its route and tells the teacher why. */
  Future<Void> confirm(SqlConnection conn, Fair fair, Booking booking, Route route, Notice notice) {
    return hold(conn, booking, route).compose(held -> notify(conn, booking.id(), notice, fair)).mapEmpty();
  }

  private Future<Void> hold(SqlConnection conn, Booking booking, Route route) {
    return repository.reserve(conn, booking.id(), route, booking.request().people())
        .compose(reserved -> repository.update(conn, booking.id(), booking.request(), Booking.CONFIRMED));
  }

  /** Sends a class whose route broke to the waiting list: it lets its challenge pick go; its teacher is told. */
  Future<Void> bump(SqlConnection conn, Fair fair, Booking booking) {
    return repository.update(conn, booking.id(), booking.request(), Booking.WAITLISTED)
        .compose(updated -> extras.follow(conn, booking.id()))
        .compose(followed -> notify(conn, booking.id(), Notice.BUMPED, fair))
        .mapEmpty();
  }

  /** Re-reads the booking as the transaction left it, and tells its teacher. */
  Future<Booking> notify(SqlConnection conn, long bookingId, Notice notice, Fair fair) {
    return repository.byId(conn, bookingId).map(Optional::orElseThrow)
        .compose(booking -> tell(conn, booking, notice, fair));
  }

  /**
   * Runs {@code work}, many writes in the transaction of {@code conn} (a plan applied), telling
   * each teacher concerned once at its end, of where the class stands then, rather than once
   * per write that moved it.
   */
  public <T> Future<T> oneNoticeEach(SqlConnection conn, Fair fair, Supplier<Future<T>> work) {
    Map<Long, Notice> due = new LinkedHashMap<>();
    batches.put(conn, due);
    return work.get().compose(result -> {
      batches.remove(conn);
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<Long, Notice> entry : due.entrySet()) {
        chain = chain.compose(done -> repository.byId(conn, entry.getKey()).map(Optional::orElseThrow)
            .compose(booking -> tell(conn, booking, settled(entry.getValue(), booking.status()), fair)).mapEmpty());
      }
      return chain.map(result);
    }).onComplete(done -> batches.remove(conn));
  }

  /** The one notice for a class after several: waiting in the end, or confirmed after having waited. */
  static Notice settled(Notice last, String status) {
    if (Booking.WAITLISTED.equals(status)) {
      return Notice.BUMPED;
    }
    return last == Notice.BUMPED ? Notice.PROMOTED : last;
  }

  Future<Booking> tell(SqlConnection conn, Booking booking, Notice notice, Fair fair) {
    Map<Long, Notice> due = batches.get(conn);
    if (due != null) {
      due.put(booking.id(), notice);
      return Future.succeededFuture(booking);
    }
    return repository.venues(conn, booking)
        .compose(venues -> Outbox.enqueue(conn, BookingMessages.of(notice, booking, fair, venues, links)))
        .map(booking);
  }
}
