package fr.parcours.checkin;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import fr.parcours.fair.FairTimes;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the day: who is expected, who came, and the figures the report adds up. */
final class CheckInRepository {

  /** What a stored booking allows at the entrance. */
  record Booked(long id, String status, int pupils, int adults) {
  }

  /** A confirmed booking found by its manage token, with its fair: what its QR code points to. */
  record Confirmed(long bookingId, String fairSlug) {
  }

  /** Stands and défis, as the report counts them. */
  record Extras(int standsConfirmed, int challengePicks, int challengePicksPresent) {
  }

  private static final String ARRIVAL_COLUMNS = "SELECT b.id, b.school_name, b.school_uai, b.school_city, b.class_name, "
      + "b.class_level, t.name AS track_name, b.day, b.arrival, b.departure, b.pupils, b.adults, ci.checked_in_at, "
      + "ci.pupils AS pupils_present, ci.adults AS adults_present";
  private static final String ARRIVALS_FROM = " FROM bookings b JOIN tracks t ON t.id = b.track_id "
      + "LEFT JOIN check_ins ci ON ci.booking_id = b.id ";
  private static final String ARRIVALS = ARRIVAL_COLUMNS + ARRIVALS_FROM
      + "WHERE b.fair_id = $1 AND b.status = 'confirmed' ";
  /** The classes holding a place in session $2, with what its room's staff marked. */
  private static final String SEATED = ARRIVAL_COLUMNS + ", sp.pupils AS marked_pupils, sp.adults AS marked_adults, "
      + "sp.marked_at" + ARRIVALS_FROM + "JOIN held_places hp ON hp.booking_id = b.id AND hp.session_id = $2 "
      + "LEFT JOIN session_presences sp ON sp.booking_id = b.id AND sp.session_id = $2 "
      + "WHERE b.fair_id = $1 AND b.status = 'confirmed' ";
  private static final String SESSIONS = "SELECT s.id, s.title, s.starts_at, s.ends_at, coalesce(r.name, z.name) AS place, "
      + "count(hp.booking_id)::int AS classes, count(sp.booking_id)::int AS marked FROM sessions s "
      + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN zones z ON z.id = s.zone_id "
      + "LEFT JOIN held_places hp ON hp.session_id = s.id "
      + "LEFT JOIN session_presences sp ON sp.session_id = s.id AND sp.booking_id = hp.booking_id "
      + "WHERE s.fair_id = $1 AND s.status = 'scheduled' ";

  Future<Optional<Booked>> booked(SqlClient db, long fairId, long bookingId) {
    return db.preparedQuery("SELECT id, status, pupils, adults FROM bookings WHERE id = $1 AND fair_id = $2")
        .execute(Tuple.of(bookingId, fairId))
        .map(rows -> rows.size() == 0 ? Optional.<Booked>empty() : Optional.of(rows.iterator().next()).map(row ->
            new Booked(row.getLong("id"), row.getString("status"), row.getInteger("pupils"), row.getInteger("adults"))));
  }

  Future<Optional<Confirmed>> confirmedByToken(SqlClient db, String token) {
    return db.preparedQuery("SELECT b.id, f.slug FROM bookings b JOIN fairs f ON f.id = b.fair_id "
            + "WHERE b.manage_token = $1 AND b.status = 'confirmed'")
        .execute(Tuple.of(token))
        .map(rows -> rows.size() == 0 ? Optional.<Confirmed>empty() : Optional.of(rows.iterator().next())
            .map(row -> new Confirmed(row.getLong("id"), row.getString("slug"))));
  }

  /** Checks the class in, or corrects its headcount; the first arrival time stays. */
  Future<Void> checkIn(SqlClient db, long fairId, CheckInRequest request, long organiserId) {
    return db.preparedQuery("INSERT INTO check_ins (booking_id, fair_id, pupils, adults, checked_in_by) "
            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (booking_id) DO UPDATE SET pupils = EXCLUDED.pupils, "
            + "adults = EXCLUDED.adults, checked_in_by = EXCLUDED.checked_in_by, updated_at = now()")
        .execute(Tuple.of(request.bookingId(), fairId, request.pupils(), request.adults(), organiserId))
        .compose(done -> arrivalsChanged(db, fairId));
  }

  /**
   * Tells every instance's dashboards at commit. Here rather than a trigger: check_ins comes
   * from a migration (024) numbered after the one that gives the day its notifications (022).
   */
  private static Future<Void> arrivalsChanged(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT notify_change($1, 'arrivals')").execute(Tuple.of(fairId)).mapEmpty();
  }

  /** Undoes a check-in; true when there was one. */
  Future<Boolean> undo(SqlClient db, long fairId, long bookingId) {
    return db.preparedQuery("DELETE FROM check_ins WHERE booking_id = $1 AND fair_id = $2")
        .execute(Tuple.of(bookingId, fairId))
        .compose(rows -> arrivalsChanged(db, fairId).map(rows.rowCount() == 1));
  }

  Future<Optional<Arrival>> arrival(SqlClient db, long fairId, ZoneId zone, long bookingId) {
    return select(db, zone, ARRIVALS + "AND b.id = $2", Tuple.of(fairId, bookingId))
        .map(found -> found.stream().findFirst());
  }

  /** Every confirmed class of the fair, in the order buses come. */
  Future<List<Arrival>> arrivals(SqlClient db, long fairId, ZoneId zone) {
    return select(db, zone, ARRIVALS + "ORDER BY b.day, b.arrival, b.school_name, b.class_name, b.id", Tuple.of(fairId));
  }

  Future<Extras> extras(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT (SELECT count(*) FROM stand_reservations WHERE fair_id = $1 AND status = 'confirmed')::int "
            + "AS stands, count(p.booking_id)::int AS picks, count(ci.booking_id)::int AS present "
            + "FROM challenge_picks p JOIN bookings b ON b.id = p.booking_id AND b.fair_id = $1 AND b.status = 'confirmed' "
            + "LEFT JOIN check_ins ci ON ci.booking_id = b.id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Extras(row.getInteger("stands"), row.getInteger("picks"), row.getInteger("present"));
        });
  }

  /**
   * Every place a confirmed class holds in the fair, with the headcount it was checked in with
   * and the one marked in that session (null when not told): what the flows add up.
   */
  Future<List<Turnout.Seat>> seats(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT hp.session_id, hp.booking_id, hp.people, ci.pupils + ci.adults AS checked_in, "
            + "sp.pupils + sp.adults AS marked FROM held_places hp "
            + "JOIN bookings b ON b.id = hp.booking_id AND b.fair_id = $1 AND b.status = 'confirmed' "
            + "LEFT JOIN check_ins ci ON ci.booking_id = b.id "
            + "LEFT JOIN session_presences sp ON sp.booking_id = hp.booking_id AND sp.session_id = hp.session_id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<Turnout.Seat> seats = new ArrayList<>();
          rows.forEach(row -> seats.add(new Turnout.Seat(row.getLong("session_id"), row.getLong("booking_id"),
              row.getInteger("people"), row.getInteger("checked_in"), row.getInteger("marked"))));
          return seats;
        });
  }

  /** The manage tokens of the fair's confirmed bookings among {@code ids}: what cancelling them takes. */
  Future<List<String>> confirmedTokens(SqlClient db, long fairId, List<Long> ids) {
    return db.preparedQuery("SELECT manage_token FROM bookings WHERE fair_id = $1 AND id = ANY($2) "
            + "AND status = 'confirmed' ORDER BY id")
        .execute(Tuple.tuple().addLong(fairId).addArrayOfLong(ids.toArray(Long[]::new)))
        .map(rows -> {
          List<String> tokens = new ArrayList<>();
          rows.forEach(row -> tokens.add(row.getString("manage_token")));
          return tokens;
        });
  }

  /** The ids of the fair's bookings with {@code status} (among {@code ids} when given). */
  Future<List<Long>> withStatus(SqlClient db, long fairId, String status, List<Long> ids) {
    return db.preparedQuery("SELECT id FROM bookings WHERE fair_id = $1 AND status = $2 "
            + "AND ($3::bigint[] IS NULL OR id = ANY($3)) ORDER BY id")
        .execute(Tuple.tuple().addLong(fairId).addString(status).addArrayOfLong(ids == null ? null : ids.toArray(Long[]::new)))
        .map(rows -> {
          List<Long> found = new ArrayList<>();
          rows.forEach(row -> found.add(row.getLong("id")));
          return found;
        });
  }

  /** A scheduled session of the fair with how many classes hold a place in it and how many were marked. */
  Future<Optional<RoomSession>> session(SqlClient db, long fairId, ZoneId zone, long sessionId) {
    return sessions(db, zone, SESSIONS + "AND s.id = $2 GROUP BY s.id, r.name, z.name", Tuple.of(fairId, sessionId))
        .map(found -> found.stream().findFirst());
  }

  /** The fair's scheduled sessions in a room or zone, in time then place order: what room staff pick from. */
  Future<List<RoomSession>> sessions(SqlClient db, long fairId, ZoneId zone) {
    return sessions(db, zone, SESSIONS + "AND (s.room_id IS NOT NULL OR s.zone_id IS NOT NULL) "
        + "GROUP BY s.id, r.name, z.name ORDER BY s.starts_at, place, s.id", Tuple.of(fairId));
  }

  private static Future<List<RoomSession>> sessions(SqlClient db, ZoneId zone, String sql, Tuple args) {
    return db.preparedQuery(sql).execute(args).map(rows -> {
      List<RoomSession> sessions = new ArrayList<>();
      rows.forEach(row -> sessions.add(new RoomSession(row.getLong("id"), row.getString("title"), row.getString("place"),
          FairTimes.local(row.getOffsetDateTime("starts_at"), zone), FairTimes.local(row.getOffsetDateTime("ends_at"), zone),
          row.getInteger("classes"), row.getInteger("marked"))));
      return sessions;
    });
  }

  /** The classes holding a place in the session, in the order buses come, with what was marked. */
  Future<List<Seated>> seated(SqlClient db, long fairId, ZoneId zone, long sessionId) {
    return db.preparedQuery(SEATED + "ORDER BY b.arrival, b.school_name, b.class_name, b.id")
        .execute(Tuple.of(fairId, sessionId)).map(rows -> {
          List<Seated> seated = new ArrayList<>();
          rows.forEach(row -> seated.add(seated(row, zone)));
          return seated;
        });
  }

  Future<Optional<Seated>> seated(SqlClient db, long fairId, ZoneId zone, long sessionId, long bookingId) {
    return db.preparedQuery(SEATED + "AND b.id = $3").execute(Tuple.of(fairId, sessionId, bookingId))
        .map(rows -> rows.size() == 0 ? Optional.<Seated>empty() : Optional.of(seated(rows.iterator().next(), zone)));
  }

  /** Marks the class present in the session, or corrects its headcount; the first time stays. */
  Future<Void> mark(SqlClient db, long fairId, long sessionId, CheckInRequest request, long organiserId) {
    return db.preparedQuery("INSERT INTO session_presences (booking_id, session_id, fair_id, pupils, adults, marked_by) "
            + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (booking_id, session_id) DO UPDATE SET pupils = EXCLUDED.pupils, "
            + "adults = EXCLUDED.adults, marked_by = EXCLUDED.marked_by, updated_at = now()")
        .execute(Tuple.of(request.bookingId(), sessionId, fairId, request.pupils(), request.adults(), organiserId))
        .mapEmpty();
  }

  /** Undoes a mark; true when there was one. */
  Future<Boolean> unmark(SqlClient db, long fairId, long sessionId, long bookingId) {
    return db.preparedQuery("DELETE FROM session_presences WHERE booking_id = $1 AND session_id = $2 AND fair_id = $3")
        .execute(Tuple.of(bookingId, sessionId, fairId)).map(rows -> rows.rowCount() == 1);
  }

  /** Per session of the fair with places held or marks: classes and people booked, and marked present. */
  Future<List<Attendance.SessionFigures>> sessionFigures(SqlClient db, long fairId, ZoneId zone) {
    return db.preparedQuery("SELECT s.id, s.title, s.starts_at, coalesce(r.name, z.name) AS place, "
            + "count(hp.booking_id)::int AS classes, coalesce(sum(hp.people), 0)::int AS people, "
            + "(SELECT count(*) FROM session_presences sp WHERE sp.session_id = s.id)::int AS classes_marked, "
            + "(SELECT coalesce(sum(sp.pupils + sp.adults), 0) FROM session_presences sp WHERE sp.session_id = s.id)::int "
            + "AS people_marked FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN zones z ON z.id = s.zone_id "
            + "LEFT JOIN held_places hp ON hp.session_id = s.id "
            + "AND EXISTS (SELECT 1 FROM bookings b WHERE b.id = hp.booking_id AND b.status = 'confirmed') "
            + "WHERE s.fair_id = $1 AND s.status = 'scheduled' GROUP BY s.id, r.name, z.name "
            + "HAVING count(hp.booking_id) > 0 OR EXISTS (SELECT 1 FROM session_presences sp WHERE sp.session_id = s.id) "
            + "ORDER BY s.starts_at, place, s.id")
        .execute(Tuple.of(fairId)).map(rows -> {
          List<Attendance.SessionFigures> figures = new ArrayList<>();
          rows.forEach(row -> figures.add(new Attendance.SessionFigures(row.getLong("id"), row.getString("title"),
              row.getString("place"), FairTimes.local(row.getOffsetDateTime("starts_at"), zone),
              row.getInteger("classes"), row.getInteger("people"), row.getInteger("classes_marked"),
              row.getInteger("people_marked"))));
          return figures;
        });
  }

  private static Seated seated(Row row, ZoneId zone) {
    OffsetDateTime at = row.getOffsetDateTime("marked_at");
    return new Seated(arrival(row, zone), at == null ? null : FairTimes.local(at, zone), row.getInteger("marked_pupils"),
        row.getInteger("marked_adults"));
  }

  private static Future<List<Arrival>> select(SqlClient db, ZoneId zone, String sql, Tuple params) {
    return db.preparedQuery(sql).execute(params).map(rows -> {
      List<Arrival> arrivals = new ArrayList<>();
      rows.forEach(row -> arrivals.add(arrival(row, zone)));
      return arrivals;
    });
  }

  private static Arrival arrival(Row row, ZoneId zone) {
    OffsetDateTime at = row.getOffsetDateTime("checked_in_at");
    return new Arrival(row.getLong("id"), row.getString("school_name"), row.getString("school_uai"),
        row.getString("school_city"), row.getString("class_name"), row.getString("class_level"),
        row.getString("track_name"), row.getLocalDate("day"), row.getLocalTime("arrival"),
        row.getLocalTime("departure"), row.getInteger("pupils"), row.getInteger("adults"),
        at == null ? null : FairTimes.local(at, zone), row.getInteger("pupils_present"), row.getInteger("adults_present"));
  }
}
