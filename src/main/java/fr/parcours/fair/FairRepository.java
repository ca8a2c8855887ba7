package fr.parcours.fair;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/** SQL for fairs and their days. */
final class FairRepository {

  private static final String COLUMNS = "id, owner_id, slug, name, city, description, time_zone, status, "
      + "registration_opens_at, registration_closes_at, changeover_minutes, language, "
      + "registration_mode, requests_open_at, requests_close_at, allocation_at, offer_hours, "
      // Published once at most (allocations_one_published): the moment first come opens in allocation mode.
      + "(SELECT a.published_at FROM allocations a WHERE a.fair_id = fairs.id AND a.published_at IS NOT NULL) "
      + "AS allocation_published_at, "
      // The days in the fair's own row: one statement per fair read, where a second one waited on the first.
      + "ARRAY(SELECT d.day FROM fair_days d WHERE d.fair_id = fairs.id ORDER BY d.day) AS days, "
      + "ARRAY(SELECT d.opens_at FROM fair_days d WHERE d.fair_id = fairs.id ORDER BY d.day) AS days_open, "
      + "ARRAY(SELECT d.closes_at FROM fair_days d WHERE d.fair_id = fairs.id ORDER BY d.day) AS days_close";

  private final Pool pool;

  FairRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<Fair>> findBySlug(String slug) {
    return findOne(pool, "slug = $1", slug);
  }

  Future<Optional<Fair>> findById(long id) {
    return findById(pool, id);
  }

  Future<Optional<Fair>> findById(SqlClient db, long id) {
    return findOne(db, "id = $1", id);
  }

  private static Future<Optional<Fair>> findOne(SqlClient db, String condition, Object value) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM fairs WHERE " + condition).execute(Tuple.of(value))
        .map(rows -> fairs(rows).stream().findFirst());
  }

  Future<List<Fair>> published() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM fairs WHERE status = 'published' ORDER BY slug")
        .execute().map(FairRepository::fairs);
  }

  Future<List<Fair>> ofMember(long organiserId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM fairs WHERE id IN "
            + "(SELECT fair_id FROM fair_members WHERE organiser_id = $1) ORDER BY slug")
        .execute(Tuple.of(organiserId)).map(FairRepository::fairs);
  }

  Future<Optional<FairRole>> roleOf(long fairId, long organiserId) {
    return pool.preparedQuery("SELECT role FROM fair_members WHERE fair_id = $1 AND organiser_id = $2")
        .execute(Tuple.of(fairId, organiserId))
        .map(rows -> Results.first(rows).flatMap(row -> FairRole.of(row.getString("role"))));
  }

  /**
   * Sessions go first: they restrict the deletion of their tracks, rooms and zones, which the
   * fair's cascade would otherwise reach before them.
   */
  Future<Long> insert(long ownerId, FairDetails details) {
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO fairs (owner_id, slug, name, city, "
            + "description, time_zone, status, registration_opens_at, registration_closes_at, changeover_minutes, "
            + "language, registration_mode, requests_open_at, requests_close_at, allocation_at, offer_hours) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id")
        .execute(fields(ownerId, details))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> insertDays(conn, id, details.days()).map(id)));
  }

  Future<Void> update(long id, FairDetails details) {
    return pool.withTransaction(conn -> conn.preparedQuery("UPDATE fairs SET slug = $2, name = $3, city = $4, "
            + "description = $5, time_zone = $6, status = $7, registration_opens_at = $8, "
            + "registration_closes_at = $9, changeover_minutes = $10, language = $11, "
            + "registration_mode = $12, requests_open_at = $13, requests_close_at = $14, allocation_at = $15, "
            + "offer_hours = $16, updated_at = now() WHERE id = $1")
        .execute(fields(id, details))
        .compose(updated -> conn.preparedQuery("DELETE FROM fair_days WHERE fair_id = $1").execute(Tuple.of(id)))
        .compose(deleted -> insertDays(conn, id, details.days())));
  }

  /** The first parameter is the owner on insert and the fair's id on update. */
  private static Tuple fields(long first, FairDetails details) {
    RegistrationSettings registration = details.registration();
    return Tuple.from(Arrays.asList(first, details.slug(), details.name(), details.city(),
        details.description(), details.zone().getId(), details.status(), details.registrationOpensAt(),
        details.registrationClosesAt(), details.changeoverMinutes(), details.language(), registration.mode(),
        registration.requestsOpen(), registration.requestsClose(), registration.allocationAt(), registration.offerHours()));
  }

  private static Future<Void> insertDays(SqlConnection conn, long fairId, List<FairDay> days) {
    List<Tuple> batch = days.stream().map(d -> Tuple.of(fairId, d.day(), d.opensAt(), d.closesAt())).toList();
    return conn.preparedQuery("INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, $3, $4)")
        .executeBatch(batch).mapEmpty();
  }

  private static List<Fair> fairs(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(FairRepository::fair).toList();
  }

  private static List<FairDay> days(Row row) {
    LocalDate[] days = row.getArrayOfLocalDates("days");
    LocalTime[] opens = row.getArrayOfLocalTimes("days_open");
    LocalTime[] closes = row.getArrayOfLocalTimes("days_close");
    return IntStream.range(0, days.length).mapToObj(i -> new FairDay(days[i], opens[i], closes[i])).toList();
  }

  private static Fair fair(Row row) {
    FairDetails details = new FairDetails(row.getString("slug"), row.getString("name"), row.getString("city"),
        row.getString("description"), ZoneId.of(row.getString("time_zone")), row.getString("status"),
        row.getOffsetDateTime("registration_opens_at"), row.getOffsetDateTime("registration_closes_at"),
        row.getInteger("changeover_minutes"), days(row), row.getString("language"), new RegistrationSettings(
            row.getString("registration_mode"), row.getOffsetDateTime("requests_open_at"),
            row.getOffsetDateTime("requests_close_at"), row.getOffsetDateTime("allocation_at"),
            row.getInteger("offer_hours"), row.getOffsetDateTime("allocation_published_at")));
    return new Fair(row.getLong("id"), row.getLong("owner_id"), details);
  }
}
