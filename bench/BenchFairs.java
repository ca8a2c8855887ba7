import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The fairs the benchmarks book on, written with SQL, the teachers' booking bodies, and the
 * invariants read back from the database once a rush is over (bench/BookingRush, bench/FaultSuite).
 */
final class BenchFairs {

  static final LocalDate DAY = LocalDate.of(2027, 3, 18);
  private static final String[][] WINDOWS = {{"09:00", "12:00"}, {"13:30", "16:30"}, {"09:00", "16:30"}};
  private static final int SCHOOLS = 200;

  /** A generated fair: its slug, id and tracks (ids and slugs, in order). */
  record BenchFair(String slug, long id, List<Long> trackIds, List<String> trackSlugs) {
  }

  private final Pool db;

  BenchFairs(Pool db) {
    this.db = db;
  }

  static int schools() {
    return SCHOOLS;
  }

  /**
   * A fair the size of a 3,000-pupil edition: four tracks of three activities (talk, workshop,
   * testimony), 30-minute sessions every 40 minutes from 09:00 to 12:10 and from 13:30 to 16:40,
   * one talk room (120 seats), two workshop rooms (30 and 60) and a testimony room (90) per track:
   * about 30 classes of 25 per track, 120 in all.
   */
  BenchFair generate(long organiser, String name) {
    String slug = "bench-" + name + "-" + System.nanoTime();
    long fairId = value("INSERT INTO fairs (slug, name, city, time_zone, status, owner_id, registration_opens_at, "
        + "registration_closes_at, changeover_minutes) VALUES ($1, $1, 'Bordeaux', 'Europe/Paris', 'published', $2, "
        + "now() - interval '1 day', now() + interval '30 days', 10) RETURNING id", Tuple.of(slug, organiser));
    exec("INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, '08:30', '17:30')",
        Tuple.of(fairId, DAY));
    long venue = value("INSERT INTO venues (fair_id, slug, name, address, city) VALUES ($1, 'hotel-de-region', "
        + "'Hôtel de Région', '14 rue François de Sourdis', 'Bordeaux') RETURNING id", Tuple.of(fairId));
    List<Long> trackIds = new ArrayList<>();
    List<String> trackSlugs = List.of("preserver-la-planete", "se-connaitre", "s-orienter", "s-engager");
    for (int t = 0; t < trackSlugs.size(); t++) {
      String track = trackSlugs.get(t);
      long trackId = value("INSERT INTO tracks (fair_id, slug, name, position) VALUES ($1, $2, $2, $3) RETURNING id",
          Tuple.of(fairId, track, t));
      trackIds.add(trackId);
      sessions(fairId, venue, trackId, track, "conference", "talk", "conference", 120);
      sessions(fairId, venue, trackId, track, "atelier", "workshop", "workshop", 30);
      sessions(fairId, venue, trackId, track, "atelier", "workshop", "workshop", 60);
      sessions(fairId, venue, trackId, track, "temoignage", "testimony", "other", 90);
    }
    return new BenchFair(slug, fairId, trackIds, trackSlugs);
  }

  private void sessions(long fairId, long venue, long trackId, String track, String activity, String kind,
                        String roomKind, int seats) {
    long room = value("INSERT INTO rooms (fair_id, venue_id, slug, name, kind, capacity) VALUES ($1, $2, $3, $3, $4, $5) "
        + "RETURNING id", Tuple.of(fairId, venue, track + "-" + activity + "-" + seats, roomKind, seats));
    exec("INSERT INTO sessions (fair_id, activity, title, kind, track_id, room_id, starts_at, ends_at, capacity) "
        + "SELECT $1, $2, $2, $3, $4, $5, (($6::date + start) AT TIME ZONE 'Europe/Paris'), "
        + "(($6::date + start + interval '30 minutes') AT TIME ZONE 'Europe/Paris'), $7 FROM ("
        + "SELECT time '09:00' + i * interval '40 minutes' AS start FROM generate_series(0, 4) i UNION ALL "
        + "SELECT time '13:30' + i * interval '40 minutes' FROM generate_series(0, 4) i) slots",
        Tuple.of(fairId, activity, kind, trackId, room, DAY, seats));
  }

  /** Teacher {@code i}'s class: a school among 200, a window, a track (the third for the hot spot). */
  static JsonObject booking(Random random, BenchFair fair, int i, boolean hotSpot) {
    String[] window = WINDOWS[random.nextInt(WINDOWS.length)];
    String track = hotSpot ? fair.trackSlugs().get(2) : fair.trackSlugs().get(random.nextInt(fair.trackSlugs().size()));
    return new JsonObject()
        .put("school", new JsonObject().put("name", "Collège " + i % SCHOOLS)
            .put("uai", String.format("%07dB", random.nextInt(SCHOOLS))).put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "Prof " + i).put("email", "prof" + i + "@ac-bordeaux.fr"))
        .put("class", new JsonObject().put("name", "3e " + i).put("level", "3e"))
        .put("pupils", 20 + random.nextInt(9)).put("adults", 2 + random.nextInt(2))
        .put("track", track).put("arrival", window[0]).put("departure", window[1]);
  }

  /**
   * Violations found in the database once a rush is over, each of which must be 0: sessions
   * over capacity, counts that drift from the places held, confirmed classes without a whole
   * route (one session of each activity, none overlapping), places held by classes not
   * confirmed, a key behind two bookings or a booking behind no key, a waiting list out of its
   * arrival order.
   */
  Map<String, Long> invariants(long fairId) {
    Tuple id = Tuple.of(fairId);
    Map<String, Long> found = new LinkedHashMap<>();
    found.put("over_capacity", value("SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", id));
    found.put("counter_drift", value("SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> "
        + "(SELECT coalesce(sum(h.people), 0) FROM held_places h WHERE h.session_id = s.id)", id));
    found.put("broken_routes", value("SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND b.status = 'confirmed' "
        + "AND (SELECT count(DISTINCT activity) FROM sessions WHERE track_id = b.track_id AND kind <> 'stand_time') "
        + "NOT IN ((SELECT count(DISTINCT s.activity) FROM held_places h JOIN sessions s ON s.id = h.session_id "
        + "WHERE h.booking_id = b.id), (SELECT count(*) FROM held_places h WHERE h.booking_id = b.id))", id));
    found.put("overlaps", value("SELECT count(*) FROM held_places a JOIN held_places b ON a.booking_id = b.booking_id "
        + "AND a.session_id < b.session_id JOIN sessions sa ON sa.id = a.session_id JOIN sessions sb ON sb.id = b.session_id "
        + "WHERE sa.fair_id = $1 AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at", id));
    found.put("stray_places", value("SELECT count(*) FROM held_places h JOIN bookings b ON b.id = h.booking_id "
        + "WHERE b.fair_id = $1 AND b.status <> 'confirmed'", id));
    found.put("keys_not_one_booking", this.<Long>value("SELECT count(*) FROM (SELECT key FROM booking_requests "
        + "WHERE fair_id = $1 GROUP BY key HAVING count(DISTINCT booking_id) > 1) k", id)
        + this.<Long>value("SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND NOT EXISTS "
        + "(SELECT 1 FROM booking_requests r WHERE r.booking_id = b.id)", id));
    found.put("waitlist_out_of_order", value("SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY track_id "
        + "ORDER BY waitlist_seq) AS by_seq, row_number() OVER (PARTITION BY track_id ORDER BY id) AS by_id "
        + "FROM bookings WHERE fair_id = $1 AND status = 'waitlisted') q WHERE by_seq <> by_id", id));
    return found;
  }

  /** The first column of the first row. */
  <T> T value(String sql, Tuple args) {
    Row row = await(db.preparedQuery(sql).execute(args)).iterator().next();
    @SuppressWarnings("unchecked")
    T value = (T) row.getValue(0);
    return value;
  }

  void exec(String sql, Tuple args) {
    await(db.preparedQuery(sql).execute(args));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("No answer within 120 s", e);
    }
  }
}
