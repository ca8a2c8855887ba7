package fr.parcours.booking;

import fr.parcours.booking.BookingRequest.ClassGroup;
import fr.parcours.booking.BookingRequest.School;
import fr.parcours.booking.BookingRequest.Teacher;
import fr.parcours.db.Results;
import fr.parcours.fair.SessionKind;
import fr.parcours.fair.Venue;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All the SQL of bookings. Methods take the client so the service decides the transaction. */
final class BookingRepository {

  /** A track of a fair, as bookings name it, with the size of its usual class (adults included). */
  record TrackRef(long id, String slug, String name, String description, int classSize) {
  }

  private static final String BOOKING_FIELDS = "SELECT b.*, t.slug AS track_slug, t.name AS track_name, "
      + "ci.checked_in_at, ci.pupils AS pupils_present, ci.adults AS adults_present, ";
  private static final String BOOKING_FROM = "FROM bookings b JOIN tracks t ON t.id = b.track_id "
      + "LEFT JOIN check_ins ci ON ci.booking_id = b.id ";
  private static final String BOOKING_COLUMNS = BOOKING_FIELDS
      + "CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*) FROM bookings w WHERE w.track_id = b.track_id "
      + "AND w.status = 'waitlisted' AND w.waitlist_seq <= b.waitlist_seq) END AS waitlist_position " + BOOKING_FROM;
  /** The whole queue at once: positions by numbering it rather than counting ahead of each entry. */
  private static final String QUEUE_COLUMNS = BOOKING_FIELDS
      + "row_number() OVER (ORDER BY b.waitlist_seq) AS waitlist_position " + BOOKING_FROM;

  private static final String SESSION_FIELDS = "s.id, s.activity, s.title, coalesce(r.name, '') AS room, "
      + "s.starts_at, s.ends_at, s.capacity, s.booked, s.track_id FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id ";
  private static final String SESSION_COLUMNS = "SELECT " + SESSION_FIELDS;
  private static final String TRACK_COLUMNS = "SELECT id, slug, name, description, class_size FROM tracks ";

  Future<Optional<TrackRef>> findTrack(SqlClient db, long fairId, String slug) {
    return db.preparedQuery(TRACK_COLUMNS + "WHERE fair_id = $1 AND slug = $2")
        .execute(Tuple.of(fairId, slug))
        .map(rows -> Results.first(rows).map(BookingRepository::track));
  }

  Future<BookingRules> rules(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT * FROM booking_rules WHERE fair_id = $1").execute(Tuple.of(fairId))
        .map(rows -> Results.first(rows).map(row -> new BookingRules(row.getInteger("pupils_per_adult"),
            levels(row.getArrayOfStrings("levels")), row.getInteger("max_pupils_per_school"), row.getInteger("max_classes_per_school"),
            row.getInteger("max_pupils_per_school_per_track"), row.getInteger("max_classes_per_school_per_track")))
            .orElse(BookingRules.DEFAULT));
  }

  private static List<String> levels(String[] stored) {
    return stored == null ? null : List.of(stored);
  }

  Future<Void> saveRules(SqlClient db, long fairId, BookingRules rules) {
    return db.preparedQuery("INSERT INTO booking_rules (fair_id, pupils_per_adult, max_pupils_per_school, "
            + "max_classes_per_school, max_pupils_per_school_per_track, max_classes_per_school_per_track, levels) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (fair_id) DO UPDATE SET "
            + "pupils_per_adult = $2, max_pupils_per_school = $3, max_classes_per_school = $4, "
            + "max_pupils_per_school_per_track = $5, max_classes_per_school_per_track = $6, levels = $7, "
            + "updated_at = now()")
        .execute(Tuple.of(fairId, rules.pupilsPerAdult(), rules.maxPupilsPerSchool(), rules.maxClassesPerSchool(),
            rules.maxPupilsPerSchoolPerTrack(), rules.maxClassesPerSchoolPerTrack(),
            rules.levels().toArray(String[]::new)))
        .mapEmpty();
  }

  Future<Map<Long, SchoolCaps.Usage>> schoolUsage(SqlClient db, long fairId, String uai, long exceptBookingId) {
    return db.preparedQuery("SELECT track_id, count(*)::int AS classes, sum(pupils)::int AS pupils FROM bookings "
            + "WHERE fair_id = $1 AND school_uai = $2 AND status <> 'cancelled' AND id <> $3 GROUP BY track_id")
        .execute(Tuple.of(fairId, uai, exceptBookingId))
        .map(rows -> {
          Map<Long, SchoolCaps.Usage> usage = new HashMap<>();
          rows.forEach(row -> usage.put(row.getLong("track_id"),
              new SchoolCaps.Usage(row.getInteger("classes"), row.getInteger("pupils"))));
          return usage;
        });
  }

  /** The sessions a route of the track is chosen from: scheduled talks, workshops, testimonies. */
  Future<Timetable> timetable(SqlClient db, long trackId) {
    return db.preparedQuery(SESSION_COLUMNS + "WHERE s.track_id = $1 AND s.status = 'scheduled' "
            + "AND s.kind <> '" + SessionKind.STAND_TIME.json() + "' ORDER BY s.starts_at, s.id")
        .execute(Tuple.of(trackId))
        .map(rows -> new Timetable(slots(rows)));
  }

  /** Every scheduled session of the fair's tracks (for availability). */
  Future<Map<Long, Timetable>> timetables(SqlClient db, long fairId) {
    return db.preparedQuery(SESSION_COLUMNS + "WHERE s.fair_id = $1 AND s.track_id IS NOT NULL "
            + "AND s.status = 'scheduled' AND s.kind <> '" + SessionKind.STAND_TIME.json() + "' "
            + "ORDER BY s.starts_at, s.id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Map<Long, List<SessionSlot>> byTrack = new HashMap<>();
          rows.forEach(row -> byTrack.computeIfAbsent(row.getLong("track_id"), id -> new ArrayList<>()).add(slot(row)));
          Map<Long, Timetable> timetables = new HashMap<>();
          byTrack.forEach((id, slots) -> timetables.put(id, new Timetable(slots)));
          return timetables;
        });
  }

  Future<List<TrackRef>> tracks(SqlClient db, long fairId) {
    return db.preparedQuery(TRACK_COLUMNS + "WHERE fair_id = $1 ORDER BY position, slug")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<TrackRef> tracks = new ArrayList<>();
          rows.forEach(row -> tracks.add(track(row)));
          return tracks;
        });
  }

  Future<Map<Long, Integer>> waitlistLengths(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT track_id, count(*)::int AS n FROM bookings WHERE fair_id = $1 "
            + "AND status = 'waitlisted' GROUP BY track_id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Map<Long, Integer> lengths = new HashMap<>();
          rows.forEach(row -> lengths.put(row.getLong("track_id"), row.getInteger("n")));
          return lengths;
        });
  }

  /** Inserts the booking; a waiting one takes the next rank, under the track lock the caller holds. */
  Future<Long> insert(SqlClient db, long fairId, long trackId, String token, BookingRequest r, String status,
                     String language) {
    return db.preparedQuery("INSERT INTO bookings (fair_id, track_id, manage_token, day, arrival, departure, "
            + "school_name, school_uai, school_city, teacher_name, teacher_email, class_name, class_level, "
            + "pupils, adults, status, waitlist_seq, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
            + "$12, $13, $14, $15, $16, CASE WHEN $16 = 'waitlisted' THEN nextval('booking_waitlist_seq') END, $17) "
            + "RETURNING id")
        .execute(Tuple.from(List.of(fairId, trackId, token, r.day(), r.arrival(), r.departure(),
            r.school().name(), r.school().uai(), r.school().city(), r.teacher().name(), r.teacher().email(),
            r.group().name(), r.group().level(), r.pupils(), r.adults(), status, language)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /**
   * Updates headcount, window and status; a booking keeps its rank while it keeps waiting, and
   * an offer pending while it stays confirmed.
   */
  Future<Void> update(SqlClient db, long bookingId, BookingRequest r, String status) {
    return db.preparedQuery("UPDATE bookings SET pupils = $2, adults = $3, arrival = $4, departure = $5, "
            + "status = $6, waitlist_seq = CASE WHEN $6 = 'waitlisted' "
            + "THEN coalesce(waitlist_seq, nextval('booking_waitlist_seq')) END, "
            + "offered_until = CASE WHEN $6 = 'confirmed' THEN offered_until END, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(bookingId, r.pupils(), r.adults(), r.arrival(), r.departure(), status))
        .mapEmpty();
  }

  /** A place just given from the waiting list becomes an offer to accept within {@code hours}. */
  Future<Void> offer(SqlClient db, long bookingId, int hours) {
    return db.preparedQuery("UPDATE bookings SET offered_until = now() + make_interval(hours => $2) WHERE id = $1")
        .execute(Tuple.of(bookingId, hours)).mapEmpty();
  }

  Future<Void> accept(SqlClient db, long bookingId) {
    return db.preparedQuery("UPDATE bookings SET offered_until = NULL, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(bookingId)).mapEmpty();
  }

  /** Manage tokens of offers past their deadline, oldest first. */
  Future<List<String>> expiredOffers(SqlClient db, int limit) {
    return db.preparedQuery("SELECT manage_token FROM bookings WHERE offered_until < now() "
            + "ORDER BY offered_until LIMIT $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<String> tokens = new ArrayList<>();
          rows.forEach(row -> tokens.add(row.getString("manage_token")));
          return tokens;
        });
  }

  /** Takes the route's places; the sessions' CHECK (booked <= capacity) is the last safeguard. */
  Future<Void> reserve(SqlClient db, long bookingId, Route route, int people) {
    Long[] ids = route.sessionIds().toArray(Long[]::new);
    return db.preparedQuery("UPDATE sessions SET booked = booked + $2 WHERE id = ANY($1)")
        .execute(Tuple.of(ids, people))
        .compose(updated -> db.preparedQuery("INSERT INTO booking_sessions (booking_id, session_id, people) "
            + "SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT (booking_id, session_id) DO UPDATE "
            + "SET people = EXCLUDED.people, released_at = NULL, revision = booking_sessions.revision + 1, "
            + "updated_at = now()").execute(Tuple.of(bookingId, ids, people)))
        .mapEmpty();
  }

  /** Gives the booking's places back; the released rows stay for the calendar to cancel. */
  Future<Void> release(SqlClient db, long bookingId) {
    return db.preparedQuery("UPDATE sessions s SET booked = s.booked - bs.people FROM booking_sessions bs "
            + "WHERE bs.booking_id = $1 AND s.id = bs.session_id AND bs.released_at IS NULL")
        .execute(Tuple.of(bookingId))
        .compose(updated -> db.preparedQuery("UPDATE booking_sessions SET released_at = now(), "
                + "revision = revision + 1, updated_at = now() WHERE booking_id = $1 AND released_at IS NULL")
            .execute(Tuple.of(bookingId)))
        .mapEmpty();
  }

  Future<Optional<Booking>> byToken(SqlClient db, String token) {
    return bookings(db, "WHERE b.manage_token = $1", Tuple.of(token)).map(BookingRepository::single);
  }

  Future<Optional<Booking>> byId(SqlClient db, long id) {
    return bookings(db, "WHERE b.id = $1", Tuple.of(id)).map(BookingRepository::single);
  }

  /** The bookings of {@code ids}, in no particular order. */
  Future<List<Booking>> byIds(SqlClient db, List<Long> ids) {
    return bookings(db, "WHERE b.id = ANY($1::bigint[])", Tuple.of((Object) ids.toArray(Long[]::new)));
  }

  /** The track's waiting list, in request order. */
  Future<List<Booking>> waiting(SqlClient db, long trackId) {
    return select(db, QUEUE_COLUMNS + "WHERE b.track_id = $1 AND b.status = 'waitlisted' ORDER BY b.waitlist_seq",
        Tuple.of(trackId));
  }

  /** The organiser's list; a null filter matches everything. */
  Future<List<Booking>> list(SqlClient db, long fairId, String status, String track, String uai) {
    return bookings(db, "WHERE b.fair_id = $1 AND ($2::text IS NULL OR b.status = $2) "
            + "AND ($3::text IS NULL OR t.slug = $3) AND ($4::text IS NULL OR b.school_uai = upper($4)) "
            + "ORDER BY b.school_name, b.school_uai, t.position, t.slug, b.class_name, b.id",
        Tuple.of(fairId, status, track, uai));
  }

  /** The confirmed bookings holding a place in one session of the fair. */
  Future<List<Booking>> attendees(SqlClient db, long fairId, long sessionId) {
    return bookings(db, "WHERE b.fair_id = $1 AND b.status = 'confirmed' AND EXISTS (SELECT 1 FROM held_places bs "
        + "WHERE bs.booking_id = b.id AND bs.session_id = $2) ORDER BY b.school_name, b.class_name, b.id",
        Tuple.of(fairId, sessionId));
  }

  /**
   * Where the class goes: the venues of its route's rooms and zones, or every venue of the
   * fair while it holds no route.
   */
  Future<List<Venue>> venues(SqlClient db, Booking booking) {
    return db.preparedQuery("SELECT v.name, v.address, v.city FROM venues v WHERE v.fair_id = $1 AND "
            + "(v.id IN (SELECT coalesce(r.venue_id, z.venue_id) FROM held_places h JOIN sessions s ON s.id = h.session_id "
            + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN zones z ON z.id = s.zone_id WHERE h.booking_id = $2) "
            + "OR NOT EXISTS (SELECT 1 FROM held_places WHERE booking_id = $2)) ORDER BY v.name, v.id")
        .execute(Tuple.of(booking.fairId(), booking.id()))
        .map(rows -> {
          List<Venue> venues = new ArrayList<>();
          rows.forEach(row -> venues.add(new Venue(row.getString("name"), row.getString("address"), row.getString("city"))));
          return venues;
        });
  }

  Future<Boolean> sessionExists(SqlClient db, long fairId, long sessionId) {
    return db.preparedQuery("SELECT 1 FROM sessions WHERE fair_id = $1 AND id = $2")
        .execute(Tuple.of(fairId, sessionId)).map(rows -> rows.size() > 0);
  }

  private Future<List<Booking>> bookings(SqlClient db, String where, Tuple args) {
    return select(db, BOOKING_COLUMNS + where, args);
  }

  private Future<List<Booking>> select(SqlClient db, String sql, Tuple args) {
    return db.preparedQuery(sql).execute(args).compose(rows -> {
      List<Booking> found = new ArrayList<>();
      rows.forEach(row -> found.add(booking(row)));
      return withRoutes(db, found);
    });
  }

  private Future<List<Booking>> withRoutes(SqlClient db, List<Booking> found) {
    if (found.isEmpty()) {
      return Future.succeededFuture(found);
    }
    Long[] ids = found.stream().map(Booking::id).toArray(Long[]::new);
    return db.preparedQuery("SELECT bs.booking_id, " + SESSION_FIELDS
            + "JOIN held_places bs ON bs.session_id = s.id WHERE bs.booking_id = ANY($1)")
        .execute(Tuple.of((Object) ids))
        .map(rows -> {
          Map<Long, List<SessionSlot>> routes = new HashMap<>();
          rows.forEach(row -> routes.computeIfAbsent(row.getLong("booking_id"), id -> new ArrayList<>()).add(slot(row)));
          return found.stream().map(b -> b.withRoute(new Route(routes.getOrDefault(b.id(), List.of())))).toList();
        });
  }

  private static TrackRef track(Row row) {
    return new TrackRef(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("description"),
        row.getInteger("class_size"));
  }

  private static Booking booking(Row row) {
    BookingRequest request = new BookingRequest(
        new School(row.getString("school_name"), row.getString("school_uai"), row.getString("school_city")),
        new Teacher(row.getString("teacher_name"), row.getString("teacher_email")),
        new ClassGroup(row.getString("class_name"), row.getString("class_level")),
        row.getInteger("pupils"), row.getInteger("adults"), row.getString("track_slug"),
        row.getLocalDate("day"), row.getLocalTime("arrival"), row.getLocalTime("departure"));
    Long position = row.getLong("waitlist_position");
    OffsetDateTime checkedInAt = row.getOffsetDateTime("checked_in_at");
    return new Booking(row.getLong("id"), row.getLong("fair_id"), row.getLong("track_id"), row.getString("track_name"),
        row.getString("manage_token"), row.getString("feed_token"), row.getString("status"), position == null ? null : position.intValue(),
        request, row.getString("language"), Route.EMPTY, checkedInAt == null ? null
            : new Booking.Presence(checkedInAt, row.getInteger("pupils_present"), row.getInteger("adults_present")),
        row.getOffsetDateTime("offered_until"));
  }

  private static List<SessionSlot> slots(RowSet<Row> rows) {
    List<SessionSlot> slots = new ArrayList<>();
    rows.forEach(row -> slots.add(slot(row)));
    return slots;
  }

  private static SessionSlot slot(Row row) {
    return new SessionSlot(row.getLong("id"), row.getString("activity"), row.getString("title"), row.getString("room"),
        row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("ends_at"),
        row.getInteger("capacity"), row.getInteger("booked"));
  }

  private static <T> Optional<T> single(List<T> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }
}
