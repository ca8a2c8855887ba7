package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.common.Tokens;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bookings of one fair that arrived together, on any of its tracks, decided one after the
 * other in arrival order against what their transaction read once under their tracks' locks:
 * each takes its route from the places the previous ones on its track left, or the next rank of
 * its track's waiting list, and counts against its school's caps, as if each had run alone.
 * Pure, so the repository writes the whole group in a few statements.
 */
final class GroupPlan {

  /** A request of the group: its Idempotency-Key, its body's fingerprint, the request, its track and its teacher's language. */
  record Asked(String key, String fingerprint, BookingRequest request, TrackRef track, String language) {
  }

  /**
   * What the group's transaction read under its locks: the keys it claimed and what every key of
   * the group holds, each track's timetable and waiting list length (by track id; a track with
   * none waiting may be absent), the capped schools' usage (by UAI, then track), and ids and
   * waiting ranks drawn ahead, one of each per request.
   */
  record Read(Set<String> claimed, Map<String, IdempotencyKeys.Stored> stored, Map<Long, Timetable> timetables,
              Map<Long, Integer> waiting, Map<String, Map<Long, SchoolCaps.Usage>> schools, List<Long> ids,
              List<Long> ranks) {
  }

  /** What becomes of one request. */
  sealed interface Decision permits Placed, Again, Replayed, Refused {
  }

  /** A new booking under its key, confirmed on its route or waiting at {@code rank} (null when confirmed). */
  record Placed(String key, Booking booking, Long rank) implements Decision {
  }

  /** The same key as a booking placed earlier in the group, with the same body: its replay. */
  record Again(Booking booking) implements Decision {
  }

  /** A key a committed booking holds, with the same body: that booking replayed. */
  record Replayed(long bookingId) implements Decision {
  }

  /** Refused; {@code giveBack}: the key was claimed for it and is released for a corrected retry. */
  record Refused(AppException refusal, boolean giveBack) implements Decision {
  }

  private final Fair fair;
  private final BookingRules rules;
  private final Read read;
  private final Instant now;
  private final Map<String, Decision> firstOfKey = new HashMap<>();
  private final Map<String, String> fingerprintOfKey = new HashMap<>();
  private final Map<String, Map<Long, SchoolCaps.Usage>> schools = new HashMap<>();
  private final Iterator<Long> ids;
  private final Iterator<Long> ranks;
  private final Map<Long, Timetable> timetables;
  private final Map<Long, Integer> waiting;

  private GroupPlan(Fair fair, BookingRules rules, Read read, Instant now) {
    this.fair = fair;
    this.rules = rules;
    this.read = read;
    this.now = now;
    read.schools().forEach((uai, usage) -> schools.put(uai, new HashMap<>(usage)));
    this.ids = read.ids().iterator();
    this.ranks = read.ranks().iterator();
    this.timetables = new HashMap<>(read.timetables());
    this.waiting = new HashMap<>(read.waiting());
  }

  /** Each request's decision, in the group's order. */
  static List<Decision> decide(Fair fair, BookingRules rules, List<Asked> group, Read read, Instant now) {
    GroupPlan plan = new GroupPlan(fair, rules, read, now);
    List<Decision> decisions = new ArrayList<>();
    group.forEach(asked -> decisions.add(plan.decide(asked)));
    return decisions;
  }

  /**
   * The first request of a key is placed if the group claimed the key, else replays what the key
   * holds. A later one of the same key gets the first one's refusal, or replays it.
   */
  private Decision decide(Asked asked) {
    Decision earlier = firstOfKey.get(asked.key());
    if (earlier == null) {
      Decision first = read.claimed().contains(asked.key()) ? place(asked) : replay(asked);
      firstOfKey.put(asked.key(), first);
      fingerprintOfKey.put(asked.key(), asked.fingerprint());
      return first;
    }
    if (earlier instanceof Refused refused) {
      return new Refused(refused.refusal(), false);
    }
    if (earlier instanceof Placed placed) {
      return asked.fingerprint().equals(fingerprintOfKey.get(asked.key())) ? new Again(placed.booking()) : reused();
    }
    return replay(asked);
  }

  private Decision replay(Asked asked) {
    IdempotencyKeys.Stored stored = read.stored().get(asked.key());
    if (stored == null || stored.id() == null) {
      throw new IllegalStateException("Idempotency key neither claimed nor linked: " + asked.key());
    }
    return stored.hash().equals(asked.fingerprint()) ? new Replayed(stored.id()) : reused();
  }

  private static Refused reused() {
    return new Refused(AppException.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key", Map.of()), false);
  }

  /** The checks a booking alone would meet, in the same order; a refusal gives its key back. */
  private Decision place(Asked asked) {
    try {
      BookingRequest request = asked.request().on(BookingTerms.resolveDay(fair, asked.request().day()));
      BookingTerms.requireRegistrationOpen(fair, now);
      rules.requireLevel(request.group().level());
      rules.requireSupervision(request.pupils(), request.adults());
      TrackRef track = asked.track();
      Map<Long, SchoolCaps.Usage> school = schools.computeIfAbsent(request.school().uai(), uai -> new HashMap<>());
      if (rules.capsSchools()) {
        SchoolCaps.check(rules, school, track.id(), request.pupils());
      }
      Need need = Need.of(fair, request);
      Timetable timetable = timetables.get(track.id());
      RouteFinder.requirePossible(timetable, need);
      Optional<Route> route = RouteFinder.find(timetable, need);
      school.merge(track.id(), new SchoolCaps.Usage(1, request.pupils()), SchoolCaps.Usage::plus);
      long id = ids.next();
      Long rank = ranks.next();
      if (route.isPresent()) {
        timetables.put(track.id(), timetable.reserve(route.get(), request.people()));
        return new Placed(asked.key(), booking(id, track, Booking.CONFIRMED, null, request, asked.language(),
            route.get()), null);
      }
      int position = waiting.merge(track.id(), 1, Integer::sum);
      return new Placed(asked.key(), booking(id, track, Booking.WAITLISTED, position, request, asked.language(),
          Route.EMPTY), rank);
    } catch (AppException refused) {
      return new Refused(refused, true);
    }
  }

  private Booking booking(long id, TrackRef track, String status, Integer position, BookingRequest request,
                          String language, Route route) {
    return new Booking(id, fair.id(), track.id(), track.name(), Tokens.newToken(), Tokens.newToken(), status, position,
        request, language, route, null, null);
  }
}
