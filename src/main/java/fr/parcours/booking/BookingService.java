package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.common.Tokens;
import fr.parcours.db.Batcher;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.metrics.AppMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A teacher's bookings: create, show, change, cancel. Every change of places runs in one
 * transaction holding the track row's lock (with the school's, through {@link Locks}), so
 * routes are reserved all or nothing, capacities hold, and the waiting list moves in order.
 */
public final class BookingService {

  /** Where a booking goes: its fair, its track and the fair's rules. */
  private record Target(Fair fair, TrackRef track, BookingRules rules) {
  }

  /** A booking request waiting for its track's next group, with the language its teacher is written to in. */
  private record Asked(Target target, String key, BookingRequest request, String language) {
  }

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("booking_requests", "booking_id");
  private static final String REPLAYED = "replayed";
  private static final String FAILED = "error";
  /** Every outcome of {@link #book}, counted from zero at start: its statuses, a replay, its refusals' codes. */
  static final List<String> OUTCOMES = List.of(Booking.CONFIRMED, Booking.WAITLISTED, REPLAYED, FAILED,
      "VALIDATION_FAILED", "NOT_FOUND", "UNKNOWN_TRACK", "UNKNOWN_LEVEL", "UNKNOWN_DAY", "TOO_FEW_ADULTS", "REGISTRATION_CLOSED",
      "SCHOOL_CAP_REACHED", "TRACK_NOT_PLANNED", "WINDOW_TOO_SHORT", "CLASS_TOO_LARGE", "IDEMPOTENCY_KEY_REUSED");

  private final Pool pool;
  private final FairService fairs;
  private final BookingRepository repository = new BookingRepository();
  private final BookingLinks links;
  private final Placements placements;
  private final BookingExtras extras;
  private final AppMetrics metrics;
  private final Locks locks;
  private final Batcher<Long, Asked, Outcome<JsonObject>> groups;

  /**
   * {@code groupMax} bounds how many bookings of one track that arrive together share a
   * transaction (1: each booking its own).
   */
  public BookingService(Pool pool, FairService fairs, BookingLinks links, Placements placements,
                        BookingExtras extras, AppMetrics metrics, Locks locks, int groupMax) {
    this.pool = pool;
    this.fairs = fairs;
    this.links = links;
    this.placements = placements;
    this.extras = extras;
    this.metrics = metrics;
    metrics.bookingOutcomes(OUTCOMES);
    this.locks = locks;
    this.groups = new Batcher<>(groupMax, group -> Retries.onRace(() -> pool.withTransaction(conn -> placeGroup(conn, group))));
  }

  /**
   * Books a route, or a place on the waiting list; a repeated key replays the first answer.
   * {@code language}: the teacher's (their page's or Accept-Language), null for the fair's.
   */
  public Future<Outcome<JsonObject>> book(String fairSlug, String key, BookingRequest request, String language) {
    long started = System.nanoTime();
    return target(fairSlug, request.track())
        .compose(target -> groups.submit(target.track().id(),
            new Asked(target, key, request, target.fair().languageFor(language))))
        .andThen(done -> metrics.booking(outcomeOf(done), System.nanoTime() - started));
  }

  /**
   * One transaction for bookings of one track that arrived together: their keys claimed, the
   * schools locked (in one order) where the fair caps schools, then the track once, as a single
   * booking takes them; then each placed or replayed in arrival order with its own outcome. A
   * refused booking gives its key back and leaves the others be; a database failure fails (or
   * retries) the whole group.
   */
  private Future<List<Future<Outcome<JsonObject>>>> placeGroup(SqlConnection conn, List<Asked> group) {
    long fairId = group.get(0).target().fair().id();
    return KEYS.claimAll(conn, fairId, group.stream().map(Asked::key).toList(),
            group.stream().map(asked -> asked.request().fingerprint()).toList())
        .compose(claimed -> locks.take(conn, groupLocks(fairId, group))
            .compose(locked -> {
              Map<String, Future<Outcome<JsonObject>>> byKey = new HashMap<>();
              Future<List<Future<Outcome<JsonObject>>>> outcomes = Future.succeededFuture(new ArrayList<>());
              for (Asked asked : group) {
                outcomes = outcomes.compose(done -> settle(conn, asked, claimed.contains(asked.key()), byKey)
                    .map(outcome -> {
                      done.add(outcome);
                      return done;
                    }));
              }
              return outcomes;
            }));
  }

  /** The schools of the group where the fair caps them, and its track. */
  private static List<Lock> groupLocks(long fairId, List<Asked> group) {
    List<Lock> needed = new ArrayList<>(group.stream().filter(asked -> asked.target().rules().capsSchools())
        .map(asked -> Lock.school(fairId, asked.request().school().uai())).toList());
    needed.add(Lock.track(group.get(0).target().track().id()));
    return needed;
  }

  /**
   * A booking's outcome within its group: placed (its key claimed here) or replayed; refusals
   * are outcomes too. The same key twice in a group: the second replays the first, or gets its
   * refusal (whose key was given back).
   */
  private Future<Future<Outcome<JsonObject>>> settle(SqlConnection conn, Asked asked, boolean claimed,
                                                     Map<String, Future<Outcome<JsonObject>>> byKey) {
    Future<Outcome<JsonObject>> earlier = byKey.get(asked.key());
    if (earlier != null && earlier.failed()) {
      return Future.succeededFuture(earlier);
    }
    boolean own = claimed && earlier == null;
    Fair fair = asked.target().fair();
    long fairId = fair.id();
    Future<Outcome<JsonObject>> attempt = own
        ? Future.<Void>succeededFuture().compose(start -> placeLocked(conn, asked))
            .compose(b -> KEYS.link(conn, fairId, asked.key(), b.id()).map(linked -> new Outcome<>(json(b, fair), true)))
        : KEYS.storedId(conn, fairId, asked.key(), asked.request().fingerprint())
            .compose(id -> repository.byId(conn, id).map(Optional::orElseThrow))
            .map(b -> new Outcome<>(json(b, fair), false));
    return attempt.map(Future::succeededFuture).recover(failure -> {
      if (!(failure instanceof AppException)) {
        return Future.failedFuture(failure);
      }
      Future<Void> undone = own ? KEYS.giveBack(conn, fairId, asked.key()) : Future.succeededFuture();
      return undone.map(given -> Future.<Outcome<JsonObject>>failedFuture(failure));
    }).andThen(settled -> byKey.putIfAbsent(asked.key(), settled.result()));
  }

  private static String outcomeOf(AsyncResult<Outcome<JsonObject>> done) {
    if (done.succeeded()) {
      return done.result().created() ? done.result().value().getString("status") : REPLAYED;
    }
    return done.cause() instanceof AppException refused ? refused.code() : FAILED;
  }

  public Future<ShownBooking> show(String token) {
    return byToken(token).compose(booking -> fairOf(booking).compose(fair -> shown(booking, fair)));
  }

  /** Changes headcount or window; when the new request fits nowhere the old route is kept (409). */
  public Future<ShownBooking> change(String token, BookingChange change) {
    return byToken(token).compose(found -> fairOf(found).compose(fair -> repository.rules(pool, fair.id())
        .compose(rules -> Retries.onRace(() -> pool.withTransaction(conn -> changeInTransaction(conn, fair, rules, found, change))))
        .compose(booking -> shown(booking, fair))));
  }

  private Future<Booking> changeInTransaction(SqlConnection conn, Fair fair, BookingRules rules, Booking found,
                                              BookingChange change) {
    return locks.take(conn, Lock.school(fair.id(), found.request().school().uai()), Lock.track(found.trackId()))
        .compose(locked -> reread(conn, found))
        .compose(current -> changeLocked(conn, fair, rules, current, change))
        .compose(id -> extras.follow(conn, id).map(id))
        .compose(id -> placements.promote(conn, fair, found.trackId()).map(id))
        .compose(id -> placements.notify(conn, id, Notice.CHANGED, fair));
  }

  /** Cancels (again: no change) and hands the freed places to the waiting list. */
  public Future<ShownBooking> cancel(String token) {
    return underTrackLock(token, (conn, fair, current) -> current.is(Booking.CANCELLED)
        ? Future.succeededFuture(current)
        : cancelLocked(conn, fair, current, Notice.CANCELLED));
  }

  /** Takes a place offered from the waiting list: it is the class's until it cancels. */
  public Future<ShownBooking> accept(String token) {
    return underTrackLock(token, (conn, fair, current) -> {
      if (current.is(Booking.CANCELLED)) {
        throw AppException.conflict("BOOKING_CANCELLED", Map.of());
      }
      return current.offeredUntil() == null ? Future.succeededFuture(current)
          : repository.accept(conn, current.id()).compose(accepted -> reread(conn, current));
    }).compose(accepted -> show(token));
  }

  /**
   * An offer past its deadline, and still not taken when its track's lock is held: its places
   * go to the next class waiting, and its teacher is told.
   */
  Future<ShownBooking> expireOffer(String token) {
    return underTrackLock(token, (conn, fair, current) -> current.offeredUntil() != null
        && current.offeredUntil().toInstant().isBefore(Instant.now())
        ? cancelLocked(conn, fair, current, Notice.OFFER_EXPIRED)
        : Future.succeededFuture(current));
  }

  private interface LockedWork {
    Future<Booking> apply(SqlConnection conn, Fair fair, Booking current);
  }

  /** Runs {@code work} on the booking as it stands under its track's lock, in one transaction. */
  private Future<ShownBooking> underTrackLock(String token, LockedWork work) {
    return byToken(token).compose(found -> fairOf(found).compose(fair -> Retries.onRace(() -> pool
        .withTransaction(conn -> lockedBooking(conn, found).compose(current -> work.apply(conn, fair, current))))
        .map(booking -> ShownBooking.of(booking, fair, links))));
  }

  private Future<Booking> cancelLocked(SqlConnection conn, Fair fair, Booking current, Notice notice) {
    return repository.release(conn, current.id())
        .compose(released -> repository.update(conn, current.id(), current.request(), Booking.CANCELLED))
        .compose(updated -> extras.follow(conn, current.id()))
        .compose(letGo -> placements.notify(conn, current.id(), notice, fair))
        .compose(cancelled -> placements.promote(conn, fair, current.trackId()).map(cancelled));
  }

  /** Manage tokens of offers past their deadline (at most {@code limit}), for the sweep to expire. */
  Future<List<String>> expiredOffers(int limit) {
    return repository.expiredOffers(pool, limit);
  }

  /** Places per session and per track, and each track's waiting list: what a teacher checks first. */
  public Future<Availability> availability(String fairSlug) {
    return publishedFair(fairSlug).compose(fair -> Future.all(repository.tracks(pool, fair.id()),
            repository.timetables(pool, fair.id()), repository.waitlistLengths(pool, fair.id()))
        .map(all -> Availability.of(fair, all.resultAt(0), all.resultAt(1), all.resultAt(2))));
  }

  /** The fair's booking rules as its forms offer them (levels, supervision). */
  public Future<BookingRules> rules(Fair fair) {
    return repository.rules(pool, fair.id());
  }

  private Future<Target> target(String fairSlug, String trackSlug) {
    return publishedFair(fairSlug).compose(fair -> repository.findTrack(pool, fair.id(), trackSlug)
        .map(track -> track.orElseThrow(() -> AppException.unprocessable("UNKNOWN_TRACK", "track", Map.of("track", trackSlug))))
        .compose(track -> repository.rules(pool, fair.id()).map(rules -> new Target(fair, track, rules))));
  }

  /** Teachers book anonymously: a draft fair is as unknown to them as a missing one. */
  private Future<Fair> publishedFair(String slug) {
    return fairs.readable(slug, null);
  }

  /** Places a booking once its school (when capped) and its track are locked. */
  private Future<Booking> placeLocked(SqlConnection conn, Asked asked) {
    Target target = asked.target();
    Fair fair = target.fair();
    BookingRequest request = asked.request().on(BookingTerms.resolveDay(fair, asked.request().day()));
    BookingTerms.requireRegistrationOpen(fair, Instant.now());
    target.rules().requireLevel(request.group().level());
    target.rules().requireSupervision(request.pupils(), request.adults());
    long trackId = target.track().id();
    return checkSchoolCaps(conn, target, request)
        .compose(checked -> repository.timetable(conn, trackId))
        .compose(timetable -> insertWithRoute(conn, target, request, timetable, asked.language()))
        .compose(id -> repository.byId(conn, id).map(Optional::orElseThrow))
        .compose(booking -> placements.tell(conn, booking, booking.is(Booking.CONFIRMED) ? Notice.CONFIRMED : Notice.WAITLISTED,
            fair));
  }

  /** Refuses a booking past its school's caps; a fair without caps has nothing to read. */
  private Future<Void> checkSchoolCaps(SqlConnection conn, Target target, BookingRequest request) {
    if (!target.rules().capsSchools()) {
      return Future.succeededFuture();
    }
    return repository.schoolUsage(conn, target.fair().id(), request.school().uai(), 0)
        .map(usage -> {
          SchoolCaps.check(target.rules(), usage, target.track().id(), request.pupils());
          return null;
        });
  }

  private Future<Long> insertWithRoute(SqlConnection conn, Target target, BookingRequest request, Timetable timetable,
                                       String language) {
    Need need = Need.of(target.fair(), request);
    RouteFinder.requirePossible(timetable, need);
    Optional<Route> route = RouteFinder.find(timetable, need);
    String status = route.isPresent() ? Booking.CONFIRMED : Booking.WAITLISTED;
    return repository.insert(conn, target.fair().id(), target.track().id(), Tokens.newToken(), request, status,
            language)
        .compose(id -> route.map(r -> repository.reserve(conn, id, r, request.people())).orElse(Future.succeededFuture())
            .map(id));
  }

  /** Applies a change under the school and track locks; returns the booking's id. */
  private Future<Long> changeLocked(SqlConnection conn, Fair fair, BookingRules rules, Booking current,
                                    BookingChange change) {
    if (current.is(Booking.CANCELLED)) {
      throw AppException.conflict("BOOKING_CANCELLED", Map.of());
    }
    BookingTerms.requireRegistrationOpen(fair, Instant.now());
    BookingRequest changed = change.applyTo(current.request());
    rules.requireSupervision(changed.pupils(), changed.adults());
    return repository.schoolUsage(conn, current.fairId(), changed.school().uai(), current.id())
        .compose(usage -> {
          SchoolCaps.check(rules, usage, current.trackId(), changed.pupils());
          return repository.timetable(conn, current.trackId());
        })
        .compose(timetable -> {
          // A waiting class too must not wait for a route its new window can never hold.
          RouteFinder.requirePossible(timetable, Need.of(fair, changed));
          return current.is(Booking.CONFIRMED)
              ? moveRoute(conn, fair, current, changed, timetable)
              : repository.update(conn, current.id(), changed, Booking.WAITLISTED);
        })
        .map(current.id());
  }

  /** Swaps the route for one that suits the change, or fails leaving the old route as it was. */
  private Future<Void> moveRoute(SqlConnection conn, Fair fair, Booking current, BookingRequest changed,
                                 Timetable timetable) {
    Need need = Need.of(fair, changed);
    Timetable withoutOwn = timetable.release(current.route().sessionIds(), current.request().people());
    // A change the current route still suits (one more adult, a later bus) keeps it.
    Route route = Optional.of(current.route()).filter(held -> RouteFinder.holds(withoutOwn, held, need))
        .or(() -> RouteFinder.find(withoutOwn, need))
        .orElseThrow(() -> AppException.conflict("ROUTE_UNAVAILABLE", Map.of()));
    return repository.release(conn, current.id())
        .compose(released -> repository.reserve(conn, current.id(), route, changed.people()))
        .compose(reserved -> repository.update(conn, current.id(), changed, Booking.CONFIRMED));
  }

  /** Re-reads the booking once its track is locked: what it was before the lock may be stale. */
  private Future<Booking> lockedBooking(SqlConnection conn, Booking found) {
    return locks.take(conn, Lock.track(found.trackId())).compose(locked -> reread(conn, found));
  }

  private Future<Booking> reread(SqlConnection conn, Booking found) {
    return repository.byId(conn, found.id()).map(Optional::orElseThrow);
  }

  private Future<Booking> byToken(String token) {
    return repository.byToken(pool, token).map(found -> found.orElseThrow(() -> AppException.notFound("booking", null)));
  }

  private Future<Fair> fairOf(Booking booking) {
    return fairs.findById(booking.fairId());
  }

  /** The booking as its teacher sees it, with what other features attach to it. */
  private Future<ShownBooking> shown(Booking booking, Fair fair) {
    return extras.pick(pool, booking.id()).compose(pick -> confirmWindows(booking, fair)
        .map(windows -> ShownBooking.of(booking, fair, links).with(pick.orElse(null), windows)));
  }

  /** The windows of the waiting class's day that would confirm it now; none for a class that does not wait. */
  private Future<List<Alternatives.Window>> confirmWindows(Booking booking, Fair fair) {
    if (!booking.is(Booking.WAITLISTED)) {
      return Future.succeededFuture(List.of());
    }
    return repository.timetable(pool, booking.trackId()).map(timetable ->
        Alternatives.windows(timetable, Need.of(fair, booking.request()), fair.day(booking.request().day()), fair.zone()));
  }

  private JsonObject json(Booking booking, Fair fair) {
    return BookingJson.of(booking, links, fair);
  }
}
