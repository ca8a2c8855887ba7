package fr.parcours.booking;

import fr.parcours.booking.GroupPlan.Asked;
import fr.parcours.booking.GroupPlan.Placed;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.fair.Venue;
import fr.parcours.mail.Message;
import fr.parcours.mail.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of a group of bookings of one track written in one transaction: everything it reads
 * sent at once (one round trip, PostgreSQL running the statements in turn on the connection),
 * then every write sent at once, each statement covering the whole group through arrays.
 */
final class GroupRepository {

  static final IdempotencyKeys KEYS = new IdempotencyKeys("booking_requests", "booking_id");

  /** The fair's venues, and the venue of each session of the group's tracks (through its room or zone). */
  record Venues(Map<Long, Venue> byId, Map<Long, Long> ofSession) {

    /** Where a class goes: its route's venues, or every venue of the fair while it holds no route. */
    List<Venue> of(Route route) {
      if (route.sessions().isEmpty()) {
        return List.copyOf(byId.values());
      }
      Set<Long> used = new LinkedHashSet<>();
      route.sessionIds().forEach(session -> {
        Long venue = ofSession.get(session);
        if (venue != null) {
          used.add(venue);
        }
      });
      return byId.entrySet().stream().filter(venue -> used.contains(venue.getKey())).map(Map.Entry::getValue).toList();
    }
  }

  /** What the group's transaction read, for the plan and for its messages. */
  record Loaded(GroupPlan.Read read, Venues venues) {
  }

  private static final String WAITING = "SELECT track_id, count(*)::int AS n FROM bookings "
      + "WHERE track_id = ANY($1::bigint[]) AND status = 'waitlisted' GROUP BY track_id";
  /** Drawn under the tracks' locks: the group's waiting ranks come after every rank already given on them. */
  private static final String DRAW = "SELECT nextval(pg_get_serial_sequence('bookings', 'id')) AS id, "
      + "nextval('booking_waitlist_seq') AS rank FROM generate_series(1, $1)";
  private static final String SCHOOLS = "SELECT school_uai, track_id, count(*)::int AS classes, sum(pupils)::int AS pupils "
      + "FROM bookings WHERE fair_id = $1 AND school_uai = ANY($2::text[]) AND status <> 'cancelled' "
      + "GROUP BY school_uai, track_id";
  private static final String VENUES = "SELECT id, name, address, city FROM venues WHERE fair_id = $1 ORDER BY name, id";
  private static final String SESSION_VENUES = "SELECT s.id, coalesce(r.venue_id, z.venue_id) AS venue_id FROM sessions s "
      + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN zones z ON z.id = s.zone_id WHERE s.track_id = ANY($1::bigint[])";
  private static final String INSERT = "INSERT INTO bookings (id, fair_id, track_id, manage_token, feed_token, day, "
      + "arrival, departure, school_name, school_uai, school_city, teacher_name, teacher_email, class_name, class_level, "
      + "pupils, adults, status, waitlist_seq, language) "
      + "SELECT u.id, $1, u.track, u.token, u.feed, u.day, u.arrival, u.departure, u.school, u.uai, u.city, u.teacher, u.email, "
      + "u.class, u.level, u.pupils, u.adults, u.status, NULLIF(u.rank, 0), u.language FROM unnest($2::bigint[], $3::bigint[], "
      + "$4::text[], $5::text[], $6::date[], $7::time[], $8::time[], $9::text[], $10::text[], $11::text[], $12::text[], "
      + "$13::text[], $14::text[], $15::text[], $16::int[], $17::int[], $18::text[], $19::bigint[], $20::text[]) "
      + "AS u(track, id, token, feed, day, arrival, departure, school, uai, city, teacher, email, class, level, pupils, adults, "
      + "status, rank, language)";
  /** One row per session, its places summed over the group; the CHECK (booked <= capacity) stays the last safeguard. */
  private static final String TAKE = "UPDATE sessions s SET booked = s.booked + d.people "
      + "FROM unnest($1::bigint[], $2::int[]) AS d(id, people) WHERE s.id = d.id";
  private static final String HOLD = "INSERT INTO booking_sessions (booking_id, session_id, people) "
      + "SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[])";

  private final BookingRepository bookings = new BookingRepository();

  /**
   * The group's keys claimed (the first request of each key), its locks taken in the one order,
   * then its tracks as they stand under them: one round trip.
   */
  Future<Loaded> read(SqlConnection conn, Locks locks, long fairId, List<Long> trackIds, List<Lock> needed,
                      List<Asked> group, Set<String> cappedSchools) {
    Map<String, String> firsts = new LinkedHashMap<>();
    group.forEach(asked -> firsts.putIfAbsent(asked.key(), asked.fingerprint()));
    List<String> keys = List.copyOf(firsts.keySet());
    Future<Set<String>> claimed = KEYS.claimAll(conn, fairId, keys, List.copyOf(firsts.values()));
    Future<Void> locked = locks.take(conn, needed);
    Future<Map<String, IdempotencyKeys.Stored>> stored = KEYS.stored(conn, fairId, keys);
    Map<Long, Future<Timetable>> timetables = new LinkedHashMap<>();
    trackIds.forEach(track -> timetables.put(track, bookings.timetable(conn, track)));
    Long[] tracks = trackIds.toArray(Long[]::new);
    Future<Map<Long, Integer>> waiting = conn.preparedQuery(WAITING).execute(Tuple.of(tracks)).map(rows -> {
      Map<Long, Integer> byTrack = new HashMap<>();
      rows.forEach(row -> byTrack.put(row.getLong("track_id"), row.getInteger("n")));
      return byTrack;
    });
    Future<Map<String, Map<Long, SchoolCaps.Usage>>> schools = cappedSchools.isEmpty() ? Future.succeededFuture(Map.of())
        : schools(conn, fairId, cappedSchools);
    Future<List<Long[]>> drawn = conn.preparedQuery(DRAW).execute(Tuple.of(group.size())).map(rows -> {
      List<Long[]> pairs = new ArrayList<>();
      rows.forEach(row -> pairs.add(new Long[] {row.getLong("id"), row.getLong("rank")}));
      return pairs;
    });
    Future<Venues> venues = venues(conn, fairId, tracks);
    List<Future<?>> sent = new ArrayList<>(List.of(claimed, locked, stored, waiting, schools, drawn, venues));
    sent.addAll(timetables.values());
    return firstFailure(sent).map(all -> new Loaded(new GroupPlan.Read(claimed.result(), stored.result(),
        results(timetables), waiting.result(), schools.result(), column(drawn.result(), 0), column(drawn.result(), 1)),
        venues.result()));
  }

  private static <K, V> Map<K, V> results(Map<K, Future<V>> futures) {
    Map<K, V> done = new HashMap<>();
    futures.forEach((key, future) -> done.put(key, future.result()));
    return done;
  }

  /** Ranks drawn by one statement may come in any order: sorted, they follow the group's order. */
  private static List<Long> column(List<Long[]> pairs, int index) {
    return pairs.stream().map(pair -> pair[index]).sorted().toList();
  }

  private Future<Map<String, Map<Long, SchoolCaps.Usage>>> schools(SqlConnection conn, long fairId, Set<String> uais) {
    return conn.preparedQuery(SCHOOLS).execute(Tuple.of(fairId, (Object) uais.toArray(String[]::new))).map(rows -> {
      Map<String, Map<Long, SchoolCaps.Usage>> usage = new HashMap<>();
      rows.forEach(row -> usage.computeIfAbsent(row.getString("school_uai"), uai -> new HashMap<>())
          .put(row.getLong("track_id"), new SchoolCaps.Usage(row.getInteger("classes"), row.getInteger("pupils"))));
      return usage;
    });
  }

  private Future<Venues> venues(SqlConnection conn, long fairId, Long[] trackIds) {
    Future<Map<Long, Venue>> all = conn.preparedQuery(VENUES).execute(Tuple.of(fairId)).map(rows -> {
      Map<Long, Venue> byId = new LinkedHashMap<>();
      rows.forEach(row -> byId.put(row.getLong("id"), new Venue(row.getString("name"), row.getString("address"),
          row.getString("city"))));
      return byId;
    });
    Future<Map<Long, Long>> ofSession = conn.preparedQuery(SESSION_VENUES).execute(Tuple.of(trackIds)).map(rows -> {
      Map<Long, Long> venues = new HashMap<>();
      rows.forEach(row -> venues.put(row.getLong("id"), row.getLong("venue_id")));
      return venues;
    });
    return Future.all(all, ofSession).map(both -> new Venues(all.result(), ofSession.result()));
  }

  /**
   * Writes the group at once: its new bookings, their places (one update per session), their
   * routes, their keys linked, refused requests' keys given back, and the messages.
   */
  Future<Void> write(SqlConnection conn, long fairId, List<Placed> placed, List<String> givenBack,
                     List<Message> messages) {
    List<Future<?>> sent = new ArrayList<>();
    if (!placed.isEmpty()) {
      sent.add(conn.preparedQuery(INSERT).execute(insertTuple(fairId, placed)));
      Map<Long, Integer> taken = new LinkedHashMap<>();
      List<Long> holder = new ArrayList<>();
      List<Long> session = new ArrayList<>();
      List<Integer> people = new ArrayList<>();
      for (Placed p : placed) {
        int count = p.booking().request().people();
        for (Long id : p.booking().route().sessionIds()) {
          taken.merge(id, count, Integer::sum);
          holder.add(p.booking().id());
          session.add(id);
          people.add(count);
        }
      }
      if (!taken.isEmpty()) {
        // Cast: an array as Tuple.of's last argument would be spread as its varargs.
        sent.add(conn.preparedQuery(TAKE).execute(Tuple.of(taken.keySet().toArray(Long[]::new),
            (Object) taken.values().toArray(Integer[]::new))));
        sent.add(conn.preparedQuery(HOLD).execute(Tuple.of(holder.toArray(Long[]::new), session.toArray(Long[]::new),
            people.toArray(Integer[]::new))));
      }
      sent.add(KEYS.linkAll(conn, fairId, placed.stream().map(Placed::key).toList(),
          placed.stream().map(p -> p.booking().id()).toList()));
    }
    if (!givenBack.isEmpty()) {
      sent.add(KEYS.giveBackAll(conn, fairId, givenBack));
    }
    sent.add(Outbox.enqueueAll(conn, messages));
    return firstFailure(sent);
  }

  private static Tuple insertTuple(long fairId, List<Placed> placed) {
    return Tuple.tuple()
        .addValue(fairId)
        .addValue(placed.stream().map(p -> p.booking().trackId()).toArray(Long[]::new))
        .addValue(placed.stream().map(p -> p.booking().id()).toArray(Long[]::new))
        .addValue(placed.stream().map(p -> p.booking().token()).toArray(String[]::new))
        .addValue(placed.stream().map(p -> p.booking().feedToken()).toArray(String[]::new))
        .addValue(placed.stream().map(p -> p.booking().request().day()).toArray(LocalDate[]::new))
        .addValue(placed.stream().map(p -> p.booking().request().arrival()).toArray(LocalTime[]::new))
        .addValue(placed.stream().map(p -> p.booking().request().departure()).toArray(LocalTime[]::new))
        .addValue(texts(placed, p -> p.booking().request().school().name()))
        .addValue(texts(placed, p -> p.booking().request().school().uai()))
        .addValue(texts(placed, p -> p.booking().request().school().city()))
        .addValue(texts(placed, p -> p.booking().request().teacher().name()))
        .addValue(texts(placed, p -> p.booking().request().teacher().email()))
        .addValue(texts(placed, p -> p.booking().request().group().name()))
        .addValue(texts(placed, p -> p.booking().request().group().level()))
        .addValue(placed.stream().map(p -> p.booking().request().pupils()).toArray(Integer[]::new))
        .addValue(placed.stream().map(p -> p.booking().request().adults()).toArray(Integer[]::new))
        .addValue(texts(placed, p -> p.booking().status()))
        .addValue(placed.stream().map(p -> p.rank() == null ? 0L : p.rank()).toArray(Long[]::new))
        .addValue(texts(placed, p -> p.booking().language()));
  }

  private static String[] texts(List<Placed> placed, Function<Placed, String> field) {
    return placed.stream().map(field).toArray(String[]::new);
  }

  /** Every statement sent; the first refusal is the answer (those after it only say the transaction aborted). */
  private static Future<Void> firstFailure(List<Future<?>> sent) {
    return Future.join(new ArrayList<>(sent)).<Void>mapEmpty().recover(failed -> Future.failedFuture(
        sent.stream().filter(Future::failed).map(Future::cause).findFirst().orElse(failed)));
  }
}
