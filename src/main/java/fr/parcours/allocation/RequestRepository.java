package fr.parcours.allocation;

import fr.parcours.booking.BookingRequest;
import fr.parcours.booking.BookingRequest.ClassGroup;
import fr.parcours.booking.BookingRequest.School;
import fr.parcours.booking.BookingRequest.Teacher;
import fr.parcours.db.Results;
import fr.parcours.fair.Interval;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All the SQL of class requests. Methods take the client so the service decides the transaction. */
public final class RequestRepository {

  /**
   * The fair's requests still asking (status {@code requested}), as the allocator reads them:
   * choices by rank, windows by rank as instants of the fair's zone. Ordered by id only so that a
   * listing is stable; the allocator's outcome does not depend on it.
   */
  public Future<List<ClassRequest>> forAllocation(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT r.id, r.school_uai, r.pupils, r.adults, r.any_other, "
            + "ARRAY(SELECT c.track_id FROM class_request_choices c WHERE c.request_id = r.id ORDER BY c.rank) AS choices, "
            + "ARRAY(SELECT (w.day + w.arrival) AT TIME ZONE f.time_zone FROM class_request_windows w "
            + "WHERE w.request_id = r.id ORDER BY w.rank) AS starts, "
            + "ARRAY(SELECT (w.day + w.departure) AT TIME ZONE f.time_zone FROM class_request_windows w "
            + "WHERE w.request_id = r.id ORDER BY w.rank) AS ends "
            + "FROM class_requests r JOIN fairs f ON f.id = r.fair_id "
            + "WHERE r.fair_id = $1 AND r.status = 'requested' ORDER BY r.id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<ClassRequest> requests = new ArrayList<>();
          rows.forEach(row -> requests.add(allocatorInput(row)));
          return requests;
        });
  }

  private static final String REQUEST_COLUMNS = "SELECT r.*, "
      + "ARRAY(SELECT t.slug FROM class_request_choices c JOIN tracks t ON t.id = c.track_id "
      + "WHERE c.request_id = r.id ORDER BY c.rank) AS choice_slugs, "
      + "ARRAY(SELECT t.name FROM class_request_choices c JOIN tracks t ON t.id = c.track_id "
      + "WHERE c.request_id = r.id ORDER BY c.rank) AS choice_names, "
      + "ARRAY(SELECT w.day FROM class_request_windows w WHERE w.request_id = r.id ORDER BY w.rank) AS days, "
      + "ARRAY(SELECT w.arrival FROM class_request_windows w WHERE w.request_id = r.id ORDER BY w.rank) AS arrivals, "
      + "ARRAY(SELECT w.departure FROM class_request_windows w WHERE w.request_id = r.id ORDER BY w.rank) AS departures "
      + "FROM class_requests r ";

  /** A track as a request's form offers it. */
  public record TrackName(String slug, String name) {
  }

  Future<List<TrackName>> tracks(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT slug, name FROM tracks WHERE fair_id = $1 ORDER BY position, slug")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<TrackName> tracks = new ArrayList<>();
          rows.forEach(row -> tracks.add(new TrackName(row.getString("slug"), row.getString("name"))));
          return tracks;
        });
  }

  /** The fair's tracks among {@code slugs}, by slug. */
  Future<Map<String, Long>> trackIds(SqlClient db, long fairId, List<String> slugs) {
    return db.preparedQuery("SELECT id, slug FROM tracks WHERE fair_id = $1 AND slug = ANY($2)")
        .execute(Tuple.of(fairId, (Object) slugs.toArray(String[]::new)))
        .map(rows -> {
          Map<String, Long> ids = new HashMap<>();
          rows.forEach(row -> ids.put(row.getString("slug"), row.getLong("id")));
          return ids;
        });
  }

  Future<Long> insert(SqlClient db, long fairId, String token, RequestInput input, String language) {
    BookingRequest b = input.booking();
    return db.preparedQuery("INSERT INTO class_requests (fair_id, manage_token, school_name, school_uai, school_city, "
            + "teacher_name, teacher_email, class_name, class_level, pupils, adults, any_other, priority_education, "
            + "language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id")
        .execute(Tuple.from(Arrays.asList(fairId, token, b.school().name(), b.school().uai(), b.school().city(),
            b.teacher().name(), b.teacher().email(), b.group().name(), b.group().level(), b.pupils(), b.adults(),
            input.anyOther(), input.priorityEducation(), language)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Writes what a changed request asks; its choices and windows are replaced whole. */
  Future<Void> update(SqlClient db, long id, RequestInput input) {
    BookingRequest b = input.booking();
    return db.preparedQuery("UPDATE class_requests SET school_name = $2, school_uai = $3, school_city = $4, "
            + "teacher_name = $5, teacher_email = $6, class_name = $7, class_level = $8, pupils = $9, adults = $10, "
            + "any_other = $11, priority_education = $12, updated_at = now() WHERE id = $1")
        .execute(Tuple.from(Arrays.asList(id, b.school().name(), b.school().uai(), b.school().city(),
            b.teacher().name(), b.teacher().email(), b.group().name(), b.group().level(), b.pupils(), b.adults(),
            input.anyOther(), input.priorityEducation())))
        .compose(updated -> db.preparedQuery("DELETE FROM class_request_choices WHERE request_id = $1").execute(Tuple.of(id)))
        .compose(deleted -> db.preparedQuery("DELETE FROM class_request_windows WHERE request_id = $1").execute(Tuple.of(id)))
        .mapEmpty();
  }

  /** The ranked choices (track ids, first choice first) and windows (the request's own first). */
  Future<Void> insertChoicesAndWindows(SqlClient db, long id, List<Long> trackIds, List<RequestInput.Window> windows) {
    List<Tuple> choices = new ArrayList<>();
    for (int i = 0; i < trackIds.size(); i++) {
      choices.add(Tuple.of(id, i + 1, trackIds.get(i)));
    }
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      RequestInput.Window w = windows.get(i);
      rows.add(Tuple.of(id, i + 1, w.day(), w.arrival(), w.departure()));
    }
    return db.preparedQuery("INSERT INTO class_request_choices (request_id, rank, track_id) VALUES ($1, $2, $3)")
        .executeBatch(choices)
        .compose(done -> db.preparedQuery("INSERT INTO class_request_windows (request_id, rank, day, arrival, departure) "
            + "VALUES ($1, $2, $3, $4, $5)").executeBatch(rows))
        .mapEmpty();
  }

  Future<Void> withdraw(SqlClient db, long id) {
    return db.preparedQuery("UPDATE class_requests SET status = 'withdrawn', updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }

  Future<Optional<RequestRecord>> byToken(SqlClient db, String token) {
    return one(db, "WHERE r.manage_token = $1", token);
  }

  Future<Optional<RequestRecord>> byId(SqlClient db, long id) {
    return one(db, "WHERE r.id = $1", id);
  }

  /**
   * The request read under its row lock: a change or withdrawal and the allocation's publishing
   * (which sets the status under the same lock) each see the other's outcome, never half of it.
   */
  Future<Optional<RequestRecord>> locked(SqlClient db, long id) {
    return db.preparedQuery("SELECT id FROM class_requests WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .compose(rows -> byId(db, id));
  }

  private Future<Optional<RequestRecord>> one(SqlClient db, String condition, Object value) {
    return db.preparedQuery(REQUEST_COLUMNS + condition).execute(Tuple.of(value))
        .map(rows -> Results.first(rows).map(RequestRepository::record));
  }

  /** The manage token of the booking a published allocation made of a request. */
  Future<Optional<String>> bookingToken(SqlClient db, long bookingId) {
    return db.preparedQuery("SELECT manage_token FROM bookings WHERE id = $1").execute(Tuple.of(bookingId))
        .map(rows -> Results.first(rows).map(row -> row.getString("manage_token")));
  }

  /** Whether the fair's allocation is published: then first come takes what is left. */
  Future<Boolean> allocationPublished(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT 1 FROM allocations WHERE fair_id = $1 AND published_at IS NOT NULL")
        .execute(Tuple.of(fairId)).map(rows -> rows.size() > 0);
  }

  private static RequestRecord record(Row row) {
    LocalDate[] days = row.getArrayOfLocalDates("days");
    LocalTime[] arrivals = row.getArrayOfLocalTimes("arrivals");
    LocalTime[] departures = row.getArrayOfLocalTimes("departures");
    BookingRequest booking = new BookingRequest(
        new School(row.getString("school_name"), row.getString("school_uai"), row.getString("school_city")),
        new Teacher(row.getString("teacher_name"), row.getString("teacher_email")),
        new ClassGroup(row.getString("class_name"), row.getString("class_level")),
        row.getInteger("pupils"), row.getInteger("adults"), null, days[0], arrivals[0], departures[0]);
    List<RequestInput.Window> others = new ArrayList<>();
    for (int i = 1; i < days.length; i++) {
      others.add(new RequestInput.Window(days[i], arrivals[i], departures[i]));
    }
    RequestInput input = new RequestInput(booking, Arrays.asList(row.getArrayOfStrings("choice_slugs")),
        row.getBoolean("any_other"), others, row.getString("priority_education"));
    return new RequestRecord(row.getLong("id"), row.getLong("fair_id"), row.getString("manage_token"), input,
        Arrays.asList(row.getArrayOfStrings("choice_names")), row.getString("status"),
        row.getString("unplaced_reason"), row.getLong("booking_id"), row.getString("language"),
        row.getOffsetDateTime("updated_at"));
  }

  private static ClassRequest allocatorInput(Row row) {
    OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
    OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
    List<Interval> windows = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      windows.add(new Interval(starts[i], ends[i]));
    }
    return new ClassRequest(row.getLong("id"), row.getString("school_uai"), row.getInteger("pupils"),
        row.getInteger("adults"), windows, Arrays.asList(row.getArrayOfLongs("choices")), row.getBoolean("any_other"));
  }
}
