package fr.parcours.booking;

import fr.parcours.booking.BookingMessages.Notice;
import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.booking.GroupPlan.Again;
import fr.parcours.booking.GroupPlan.Decision;
import fr.parcours.booking.GroupPlan.Placed;
import fr.parcours.booking.GroupPlan.Refused;
import fr.parcours.booking.GroupPlan.Replayed;
import fr.parcours.booking.GroupRepository.Loaded;
import fr.parcours.db.Batcher;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Pipelined;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.mail.Message;
import fr.parcours.metrics.AppMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * A teacher's bookings: create, show, change, cancel. Every change of places runs in one
 * transaction holding the track row's lock (with the school's, through {@link Locks}), so
 * routes are reserved all or nothing, capacities hold, and the waiting list moves in order.
 */
public final class BookingService {

  /** Where a booking goes: its fair, its track and the fair's rules. */
  private record Target(Fair fair, TrackRef track, BookingRules rules) {
  }

  /** A booking request waiting for its fair's next group; {@code language}: the teacher's, null for the fair's. */
  private record Asked(String fairSlug, String key, BookingRequest request, String language) {
  }

  /** A group runs again on what its transaction read when the fair, track or rules changed meanwhile. */
  private static final int TARGET_ATTEMPTS = 3;
  private static final String REPLAYED = "replayed";
  private static final String FAILED = "error";
  /** Every outcome of {@link #book}, counted from zero at start: its statuses, a replay, its refusals' codes. */
  static final List<String> OUTCOMES = List.of(Booking.CONFIRMED, Booking.WAITLISTED, REPLAYED, FAILED,
      "VALIDATION_FAILED", "NOT_FOUND", "UNKNOWN_TRACK", "UNKNOWN_LEVEL", "UNKNOWN_DAY", "TOO_FEW_ADULTS", "REGISTRATION_CLOSED",
      "ALLOCATION_PENDING", "SCHOOL_CAP_REACHED", "TRACK_NOT_PLANNED", "WINDOW_TOO_SHORT", "CLASS_TOO_LARGE", "IDEMPOTENCY_KEY_REUSED");

  private final Pool pool;
  private final FairService fairs;
  private final BookingRepository repository = new BookingRepository();
  private final GroupRepository groupRepository = new GroupRepository();
  private final BookingLinks links;
  private final Placements placements;
  private final BookingExtras extras;
  private final AppMetrics metrics;
  private final Locks locks;
  private final Batcher<String, Asked, Outcome<BookedClass>> groups;
  private volatile LongConsumer placesCommitted = fairId -> { };
  /**
   * Each track's fair, track and rules as its last group read them, by the names teachers give:
   * what the next group's first round trip is sent on (ids, locks), checked there, never
   * decided on. One entry per track booked on this instance.
   */
  private final Map<String, Target> lastRead = new ConcurrentHashMap<>();

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
    this.groups = new Batcher<>(groupMax, this::runGroup);
  }

  /**
   * Told the fair's id once a change of places committed on this instance, before its answer
   * leaves: what this instance prepared from the old places can go at once, so a teacher reads
   * their own booking; other instances learn of it through LISTEN/NOTIFY.
   */
  public void onPlacesCommitted(LongConsumer listener) {
    this.placesCommitted = listener;
  }

  /**
   * Books a route, or a place on the waiting list; a repeated key replays the first answer.
   * {@code language}: the teacher's (their page's or Accept-Language), null for the fair's.
   */
  public Future<Outcome<BookedClass>> book(String fairSlug, String key, BookingRequest request, String language) {
    long started = System.nanoTime();
    // Grouped by the fair the request names: the bookings of all its tracks that arrive together
    // share one transaction, as a rush spreads over the tracks (groups of 5 or 6 a track at 50
    // teachers over four tracks, each paying a whole transaction's fixed statements).
    return groups.submit(fairSlug, new Asked(fairSlug, key, request, language))
        .andThen(done -> metrics.booking(outcomeOf(done), System.nanoTime() - started));
  }

  /**
   * One transaction for bookings of one fair that arrived together, on any of its tracks (see
   * {@link GroupPlan}): an unknown fair refuses them all, an unknown track its own requests; a
   * database failure fails (or retries) them all.
   */
  private Future<List<Future<Outcome<BookedClass>>>> runGroup(List<Asked> arrived) {
    return runGroup(arrived, 1);
  }

  /**
   * The fair, tracks and rules are read inside the transaction, in its first round trip, so the
   * group sends its keys and locks on what the last group of these names found (or on what is
   * read first, for a track's first group): a fair, track or rules changed since (on any
   * instance) is seen there, and the group runs again on what was read.
   */
  private Future<List<Future<Outcome<BookedClass>>>> runGroup(List<Asked> arrived, int attempt) {
    String fairSlug = arrived.get(0).fairSlug();
    Map<String, Future<Target>> targets = new LinkedHashMap<>();
    arrived.forEach(asked -> targets.computeIfAbsent(asked.request().track(), track -> {
      Target known = lastRead.get(names(fairSlug, track));
      return known != null ? Future.succeededFuture(known) : target(fairSlug, track);
    }));
    return Future.join(new ArrayList<>(targets.values())).transform(found -> {
      Map<String, Target> assumed = new LinkedHashMap<>();
      targets.forEach((track, target) -> {
        if (target.succeeded()) {
          assumed.put(track, target.result());
        }
      });
      List<Asked> bookable = arrived.stream().filter(asked -> assumed.containsKey(asked.request().track())).toList();
      Future<List<Future<Outcome<BookedClass>>>> booked = bookable.isEmpty() ? Future.succeededFuture(List.of())
          : transaction(fairSlug, assumed, bookable);
      return booked.map(outcomes -> inArrivalOrder(arrived, targets, outcomes));
    }).recover(failed -> {
      if (failed instanceof StaleTarget && attempt < TARGET_ATTEMPTS) {
        return runGroup(arrived, attempt + 1);
      }
      return Future.failedFuture(failed);
    });
  }

  /** The booked requests' outcomes, in order, with the refusal of each request whose track was not found. */
  private static List<Future<Outcome<BookedClass>>> inArrivalOrder(List<Asked> arrived, Map<String, Future<Target>> targets,
                                                                   List<Future<Outcome<BookedClass>>> booked) {
    Iterator<Future<Outcome<BookedClass>>> next = booked.iterator();
    List<Future<Outcome<BookedClass>>> outcomes = new ArrayList<>();
    for (Asked asked : arrived) {
      Future<Target> target = targets.get(asked.request().track());
      outcomes.add(target.succeeded() ? next.next() : Future.failedFuture(target.cause()));
    }
    return outcomes;
  }

  private Future<List<Future<Outcome<BookedClass>>>> transaction(String fairSlug, Map<String, Target> assumed,
                                                                 List<Asked> bookable) {
    return Retries.onRace(() -> Pipelined.transaction(pool, conn -> readGroup(conn, fairSlug, assumed, bookable),
            (conn, read) -> placeGroup(conn, read, bookable)))
        .andThen(done -> {
          if (done.succeeded() && done.result().stream().anyMatch(o -> o.succeeded() && o.result().created())) {
            placesCommitted.accept(assumed.values().iterator().next().fair().id());
          }
        });
  }

  private static String names(String fairSlug, String trackSlug) {
    return fairSlug + "\n" + trackSlug;
  }

  /** The fair, a track or the rules a group was sent on are no longer what its transaction reads. */
  private static final class StaleTarget extends RuntimeException {
    StaleTarget() {
      super("the fair, a track or the rules changed since the group was sent", null, false, false);
    }
  }

  /** What a group's first round trip read: its fair, its tracks (by slug) and rules as they stand, and the rest. */
  private record Read(Fair fair, BookingRules rules, Map<String, TrackRef> tracks, Loaded loaded) {
  }

  /**
   * The fair, tracks and rules read first, then the group's keys claimed, the schools (where the
   * fair caps them) and the tracks locked in one order, the tracks read once: one round trip,
   * BEGIN included. Fails with {@link StaleTarget} (remembering what it read) when {@code
   * assumed} no longer holds: another fair or track under those names, a fair no longer
   * published, or schools capped where they were not locked (or the other way round).
   */
  private Future<Read> readGroup(SqlConnection conn, String fairSlug, Map<String, Target> assumed, List<Asked> bookable) {
    Target lead = assumed.values().iterator().next();
    long fairId = lead.fair().id();
    Future<Optional<Fair>> fair = fairs.find(conn, fairId);
    Future<BookingRules> rules = repository.rules(conn, fairId);
    Map<String, Future<Optional<TrackRef>>> tracks = new LinkedHashMap<>();
    assumed.keySet().forEach(slug -> tracks.put(slug, repository.findTrack(conn, fairId, slug)));
    Map<String, TrackRef> assumedTracks = new LinkedHashMap<>();
    assumed.forEach((slug, target) -> assumedTracks.put(slug, target.track()));
    List<GroupPlan.Asked> group = planned(bookable, lead.fair(), assumedTracks);
    boolean caps = lead.rules().capsSchools();
    Set<String> capped = caps
        ? group.stream().map(asked -> asked.request().school().uai()).collect(Collectors.toCollection(TreeSet::new))
        : Set.of();
    List<Lock> needed = new ArrayList<>(capped.stream().map(uai -> Lock.school(fairId, uai)).toList());
    List<Long> trackIds = assumedTracks.values().stream().map(TrackRef::id).distinct().toList();
    trackIds.forEach(id -> needed.add(Lock.track(id)));
    Future<Loaded> loaded = groupRepository.read(conn, locks, fairId, trackIds, needed, group, capped);
    List<Future<?>> found = new ArrayList<>(List.of(fair, rules));
    found.addAll(tracks.values());
    return Future.all(found).compose(all -> {
      Optional<Fair> current = fair.result().filter(f -> f.published() && f.slug().equals(fairSlug));
      boolean stale = current.isEmpty() || rules.result().capsSchools() != caps;
      Map<String, TrackRef> read = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Optional<TrackRef>>> track : tracks.entrySet()) {
        Optional<TrackRef> now = track.getValue().result().filter(t -> current.isPresent());
        now.ifPresentOrElse(t -> lastRead.put(names(fairSlug, track.getKey()), new Target(current.get(), t, rules.result())),
            () -> lastRead.remove(names(fairSlug, track.getKey())));
        stale |= now.map(t -> t.id() != assumed.get(track.getKey()).track().id()).orElse(true);
        now.ifPresent(t -> read.put(track.getKey(), t));
      }
      return stale ? Future.failedFuture(new StaleTarget())
          : loaded.map(done -> new Read(current.get(), rules.result(), read, done));
    });
  }

  private static List<GroupPlan.Asked> planned(List<Asked> arrived, Fair fair, Map<String, TrackRef> tracks) {
    return arrived.stream().map(asked -> new GroupPlan.Asked(asked.key(), asked.request().fingerprint(), asked.request(),
        tracks.get(asked.request().track()), fair.languageFor(asked.language()))).toList();
  }

  /**
   * Each request decided in arrival order against what the group read, and the whole group
   * written at once (its COMMIT in the same round trip): a few statements for the group
   * instead of a dozen per booking. Sends every statement before it returns.
   */
  private Future<List<Future<Outcome<BookedClass>>>> placeGroup(SqlConnection conn, Read read, List<Asked> arrived) {
    Loaded loaded = read.loaded();
    Fair fair = read.fair();
    List<GroupPlan.Asked> group = planned(arrived, fair, read.tracks());
    List<Decision> decisions = GroupPlan.decide(fair, read.rules(), group, loaded.read(), Instant.now());
    List<Placed> placed = new ArrayList<>();
    List<String> givenBack = new ArrayList<>();
    List<Long> replayed = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      Decision decision = decisions.get(i);
      if (decision instanceof Placed p) {
        placed.add(p);
      } else if (decision instanceof Refused refused && refused.giveBack()) {
        givenBack.add(group.get(i).key());
      } else if (decision instanceof Replayed r) {
        replayed.add(r.bookingId());
      }
    }
    List<Message> messages = placed.stream().map(p -> BookingMessages.of(
        p.booking().is(Booking.CONFIRMED) ? Notice.CONFIRMED : Notice.WAITLISTED, p.booking(), fair,
        loaded.venues().of(p.booking().route()), links)).toList();
    Future<Void> written = groupRepository.write(conn, fair.id(), placed, givenBack, messages);
    // Replayed bookings were committed before this group: their routes, read once their rows are,
    // come after the group's COMMIT on the same connection.
    Future<List<Booking>> replays = replayed.isEmpty() ? Future.succeededFuture(List.of())
        : repository.byIds(conn, replayed);
    return Future.all(written, replays).map(done -> outcomes(decisions, replays.result(), fair));
  }

  private List<Future<Outcome<BookedClass>>> outcomes(List<Decision> decisions, List<Booking> replays, Fair fair) {
    Map<Long, Booking> stored = new HashMap<>();
    replays.forEach(booking -> stored.put(booking.id(), booking));
    List<Future<Outcome<BookedClass>>> outcomes = new ArrayList<>();
    for (Decision decision : decisions) {
      if (decision instanceof Placed p) {
        outcomes.add(Future.succeededFuture(new Outcome<>(BookedClass.of(p.booking(), fair, links), true)));
      } else if (decision instanceof Again again) {
        outcomes.add(Future.succeededFuture(new Outcome<>(BookedClass.of(again.booking(), fair, links), false)));
      } else if (decision instanceof Replayed r) {
        Booking first = stored.get(r.bookingId());
        outcomes.add(first == null ? Future.failedFuture(new IllegalStateException("replayed booking gone: " + r.bookingId()))
            : Future.succeededFuture(new Outcome<>(BookedClass.of(first, fair, links), false)));
      } else {
        outcomes.add(Future.failedFuture(((Refused) decision).refusal()));
      }
    }
    return outcomes;
  }

  private static String outcomeOf(AsyncResult<Outcome<BookedClass>> done) {
    if (done.succeeded()) {
      return done.result().created() ? done.result().value().booking().status() : REPLAYED;
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
        .andThen(done -> committed(done, fair))
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
        .andThen(done -> committed(done, fair))
        .map(booking -> ShownBooking.of(booking, fair, links))));
  }

  private void committed(AsyncResult<?> done, Fair fair) {
    if (done.succeeded()) {
      placesCommitted.accept(fair.id());
    }
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
    return publishedFair(fairSlug).compose(fair -> {
      Future<Optional<TrackRef>> track = repository.findTrack(pool, fair.id(), trackSlug);
      Future<BookingRules> rules = repository.rules(pool, fair.id());
      return Future.all(track, rules).map(both -> new Target(fair, track.result().orElseThrow(
          () -> AppException.unprocessable("UNKNOWN_TRACK", "track", Map.of("track", trackSlug))), rules.result()));
    });
  }

  /** Teachers book anonymously: a draft fair is as unknown to them as a missing one. */
  private Future<Fair> publishedFair(String slug) {
    return fairs.readable(slug, null);
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
}
