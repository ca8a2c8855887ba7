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

  private static final String ARRIVALS = "SELECT b.id, b.school_name, b.school_uai, b.school_city, b.class_name, "
      + "b.class_level, t.name AS track_name, b.day, b.arrival, b.departure, b.pupils, b.adults, ci.checked_in_at, "
      + "ci.pupils AS pupils_present, ci.adults AS adults_present FROM bookings b JOIN tracks t ON t.id = b.track_id "
      + "LEFT JOIN check_ins ci ON ci.booking_id = b.id WHERE b.fair_id = $1 AND b.status = 'confirmed' ";

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
