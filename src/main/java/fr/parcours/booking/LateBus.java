package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairTimes;
import fr.parcours.i18n.Term;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * A teacher whose bus is late tells it from the manage link, on the day, after registration has
 * closed: only a later arrival on the booking's own day, on the same track. The class keeps its
 * route if it still fits, else takes the best whole route from its new time keeping the sessions
 * it can still reach, else keeps those alone and misses the rest (their places go to the waiting
 * list); a bus too late for every session of its route changes nothing and is told so. Under the
 * school and track locks, as any change of places; the teacher is written to and the calendar's
 * SEQUENCE rises with the route's rows.
 */
public final class LateBus {

  private final Pool pool;
  private final FairService fairs;
  private final BookingRepository repository = new BookingRepository();
  private final BookingLinks links;
  private final Placements placements;
  private final BookingExtras extras;
  private final Locks locks;

  public LateBus(Pool pool, FairService fairs, BookingLinks links, Placements placements, BookingExtras extras,
                 Locks locks) {
    this.pool = pool;
    this.fairs = fairs;
    this.links = links;
    this.placements = placements;
    this.extras = extras;
    this.locks = locks;
  }

  /** The new arrival a late-bus announcement gives (field {@code arrival}, "10:10"). */
  public static LocalTime arrival(JsonInput in) {
    LocalTime arrival = in.requiredTime("arrival");
    in.validate();
    return arrival;
  }

  public Future<JsonObject> announce(String token, LocalTime arrival) {
    return repository.byToken(pool, token)
        .map(found -> found.orElseThrow(() -> AppException.notFound("booking", null)))
        .compose(found -> fairs.findById(found.fairId()).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
            locks.take(conn, Lock.school(fair.id(), found.request().school().uai()), Lock.track(found.trackId()))
                .compose(locked -> repository.byId(conn, found.id()).map(Optional::orElseThrow))
                .compose(current -> moveLocked(conn, fair, current, arrival))))));
  }

  private Future<JsonObject> moveLocked(SqlConnection conn, Fair fair, Booking current, LocalTime arrival) {
    requireLater(fair, current, arrival);
    BookingRequest changed = current.request().with(current.request().pupils(), current.request().adults(), arrival,
        current.request().departure());
    return repository.timetable(conn, current.trackId()).compose(timetable -> {
      Timetable withoutOwn = timetable.release(current.route().sessionIds(), current.request().people());
      LatePlan plan = LatePlan.of(withoutOwn, current.route(), Need.of(fair, changed))
          .orElseThrow(() -> AppException.conflict("LATE_BUS_TOO_LATE", "arrival",
              Map.of("arrival", arrival, "departure", current.request().departure())));
      Future<Void> moved = plan.route().equals(current.route())
          ? Future.succeededFuture()
          : repository.release(conn, current.id())
              .compose(released -> repository.reserve(conn, current.id(), plan.route(), changed.people()));
      return moved
          .compose(done -> repository.update(conn, current.id(), changed, Booking.CONFIRMED))
          .compose(done -> record(conn, fair, current, arrival, plan))
          .compose(done -> extras.follow(conn, current.id()))
          .compose(done -> placements.promote(conn, fair, current.trackId()))
          .compose(done -> placements.notify(conn, current.id(), Notice.CHANGED, fair))
          .map(booking -> BookingJson.of(booking, links, fair).put("late", late(fair, current, arrival, plan)));
    });
  }

  /** Only a confirmed class, a later time on its own day, before it would leave and before the day is over. */
  private static void requireLater(Fair fair, Booking current, LocalTime arrival) {
    if (!current.is(Booking.CONFIRMED)) {
      throw AppException.conflict("LATE_BUS_NOT_CONFIRMED", Map.of("status", Term.of("status_" + current.status())));
    }
    if (!arrival.isAfter(current.request().arrival())) {
      throw AppException.unprocessable("LATE_BUS_NOT_LATER", "arrival", Map.of("arrival", current.request().arrival()));
    }
    if (!arrival.isBefore(current.request().departure())) {
      throw AppException.conflict("LATE_BUS_TOO_LATE", "arrival",
          Map.of("arrival", arrival, "departure", current.request().departure()));
    }
    Instant leaves = FairTimes.at(current.request().day(), current.request().departure(), fair.zone()).toInstant();
    if (Instant.now().isAfter(leaves)) {
      throw AppException.conflict("LATE_BUS_DAY_OVER", Map.of());
    }
  }

  private static Future<Void> record(SqlConnection conn, Fair fair, Booking current, LocalTime arrival, LatePlan plan) {
    return conn.preparedQuery("INSERT INTO late_arrivals (booking_id, fair_id, previous_arrival, arrival, complete, "
            + "sessions_missed) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (booking_id) DO UPDATE SET "
            + "arrival = EXCLUDED.arrival, complete = EXCLUDED.complete, sessions_missed = EXCLUDED.sessions_missed, "
            + "announced_at = now()")
        .execute(Tuple.of(current.id(), fair.id(), current.request().arrival(), arrival, plan.complete(),
            plan.missed().size()))
        .compose(done -> conn.preparedQuery("SELECT notify_change($1, 'arrivals')").execute(Tuple.of(fair.id())))
        .mapEmpty();
  }

  private static JsonObject late(Fair fair, Booking current, LocalTime arrival, LatePlan plan) {
    return new JsonObject().put("arrival", arrival.toString()).put("previous_arrival", current.request().arrival().toString())
        .put("complete", plan.complete())
        .put("missed", new JsonArray(plan.missed().stream().map(s -> (Object) new JsonObject().put("session", s.id())
            .put("title", s.title()).put("starts_at", FairTimes.format(s.startsAt(), fair.zone()))).toList()));
  }
}
