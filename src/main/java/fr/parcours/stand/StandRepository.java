package fr.parcours.stand;

import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.db.Results;
import fr.parcours.stand.Reservation.Association;
import fr.parcours.stand.StandPlanner.Hold;
import fr.parcours.stand.StandPlanner.Waiting;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** All the SQL of stand reservations. Methods take the client so the service decides the transaction. */
final class StandRepository {

  private static final String SPOT_COLUMNS = "SELECT s.id, s.number, s.zone_id, z.slug AS zone, "
      + "z.name AS zone_name, s.x, s.y, s.width, s.depth, s.power FROM stand_spots s JOIN zones z ON z.id = s.zone_id ";

  private static final String RESERVATION_COLUMNS = "SELECT r.*, a.slug AS association_slug, "
      + "a.name AS association_name, a.contact_email, a.language, a.fair_id AS association_fair_id, "
      + "s.number, s.zone_id AS spot_zone_id, sz.slug AS spot_zone, sz.name AS spot_zone_name, "
      + "s.x, s.y, s.width, s.depth, s.power, "
      + "ws.number AS wanted_spot, wz.slug AS wanted_zone, "
      + "CASE WHEN r.status = 'waiting' THEN (SELECT count(*) FROM stand_reservations w WHERE w.fair_id = r.fair_id "
      + "AND w.status = 'waiting' AND w.id <= r.id) END AS waitlist_position "
      + "FROM stand_reservations r JOIN associations a ON a.id = r.association_id "
      + "LEFT JOIN stand_spots s ON s.id = r.spot_id LEFT JOIN zones sz ON sz.id = s.zone_id "
      + "LEFT JOIN stand_spots ws ON ws.id = r.wanted_spot_id LEFT JOIN zones wz ON wz.id = r.zone_id ";

  Future<Optional<Association>> association(SqlClient db, long associationId) {
    return db.preparedQuery("SELECT id, fair_id, slug, name, contact_email, language FROM associations WHERE id = $1")
        .execute(Tuple.of(associationId))
        .map(rows -> Results.first(rows).map(row -> new Association(row.getLong("id"), row.getLong("fair_id"),
            row.getString("slug"), row.getString("name"), row.getString("contact_email"), row.getString("language"))));
  }

  Future<Optional<Long>> zoneId(SqlClient db, long fairId, String slug) {
    return db.preparedQuery("SELECT id FROM zones WHERE fair_id = $1 AND slug = $2").execute(Tuple.of(fairId, slug))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")));
  }

  Future<List<Spot>> spots(SqlClient db, long fairId) {
    return db.preparedQuery(SPOT_COLUMNS + "WHERE s.fair_id = $1 ORDER BY z.slug, " + ResourceCatalog.naturalOrder("s.number"))
        .execute(Tuple.of(fairId))
        .map(rows -> all(rows, row -> spot(row, "id", "zone_id", "zone")));
  }

  /** The confirmed reservations: which spot each holds, when. */
  Future<List<Hold>> holds(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT id, spot_id, day, period FROM stand_reservations "
            + "WHERE fair_id = $1 AND status = 'confirmed'")
        .execute(Tuple.of(fairId))
        .map(rows -> all(rows, row -> new Hold(row.getLong("id"), row.getLong("spot_id"), row.getLocalDate("day"),
            StandPeriod.of(row.getString("period")))));
  }

  /** The fair's waiting list, in request order. */
  Future<List<Waiting>> waiting(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT id, day, period, wanted_spot_id, needs_power, min_width, min_depth, zone_id "
            + "FROM stand_reservations WHERE fair_id = $1 AND status = 'waiting' ORDER BY id")
        .execute(Tuple.of(fairId))
        .map(rows -> all(rows, row -> new Waiting(row.getLong("id"), row.getLocalDate("day"),
            StandPeriod.of(row.getString("period")), wish(row))));
  }

  /** The other active reservations of an association on a day (to refuse a second one for the same period). */
  Future<List<Reservation>> activeOf(SqlClient db, long associationId, LocalDate day, long exceptId) {
    return select(db, "WHERE r.association_id = $1 AND r.day = $2 AND r.status <> 'cancelled' AND r.id <> $3",
        Tuple.of(associationId, day, exceptId));
  }

  /** Every active reservation of an association, by day, the whole day before its halves. */
  Future<List<Reservation>> activeOf(SqlClient db, long associationId) {
    return select(db, "WHERE r.association_id = $1 AND r.status <> 'cancelled' ORDER BY r.day, r.halves, r.id",
        Tuple.of(associationId));
  }

  Future<Long> insert(SqlClient db, long fairId, long associationId, LocalDate day, StandPeriod period, Long spotId,
                      SpotWish wish) {
    return db.preparedQuery("INSERT INTO stand_reservations (fair_id, association_id, day, period, status, spot_id, "
            + "wanted_spot_id, needs_power, min_width, min_depth, zone_id) VALUES ($1, $2, $3, $4, "
            + "CASE WHEN $5::bigint IS NULL THEN 'waiting' ELSE 'confirmed' END, $5, $6, $7, $8, $9, $10) RETURNING id")
        .execute(Tuple.from(new Object[] {fairId, associationId, day, period.json(), spotId, wish.spotId(),
            wish.power(), wish.minWidth(), wish.minDepth(), wish.zoneId()}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Gives the reservation a spot for a day and period: a promotion, an assignment or a move. */
  Future<Void> place(SqlClient db, long id, long spotId, LocalDate day, StandPeriod period) {
    return db.preparedQuery("UPDATE stand_reservations SET status = 'confirmed', spot_id = $2, day = $3, period = $4, "
            + "updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, spotId, day, period.json())).mapEmpty();
  }

  Future<Void> cancel(SqlClient db, long id) {
    return db.preparedQuery("UPDATE stand_reservations SET status = 'cancelled', spot_id = NULL, updated_at = now() "
            + "WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  Future<Optional<Reservation>> byId(SqlClient db, long id) {
    return select(db, "WHERE r.id = $1", Tuple.of(id))
        .map(found -> found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)));
  }

  /** Every reservation of the fair but the cancelled ones: confirmed first, then the queue in order. */
  Future<List<Reservation>> active(SqlClient db, long fairId) {
    return select(db, "WHERE r.fair_id = $1 AND r.status <> 'cancelled' ORDER BY r.status, r.id", Tuple.of(fairId));
  }

  private Future<List<Reservation>> select(SqlClient db, String where, Tuple args) {
    return db.preparedQuery(RESERVATION_COLUMNS + where).execute(args)
        .map(rows -> all(rows, StandRepository::reservation));
  }

  private static Reservation reservation(Row row) {
    Long position = row.getLong("waitlist_position");
    Association association = new Association(row.getLong("association_id"), row.getLong("association_fair_id"),
        row.getString("association_slug"), row.getString("association_name"), row.getString("contact_email"),
        row.getString("language"));
    return new Reservation(row.getLong("id"), row.getLong("fair_id"), association, row.getLocalDate("day"),
        StandPeriod.of(row.getString("period")), row.getString("status"),
        row.getLong("spot_id") == null ? null : spot(row, "spot_id", "spot_zone_id", "spot_zone"), wish(row),
        row.getString("wanted_spot"), row.getString("wanted_zone"), position == null ? null : position.intValue());
  }

  /** The spot of {@code row}; its zone's name is in the column {@code zoneColumn} + "_name". */
  private static Spot spot(Row row, String idColumn, String zoneIdColumn, String zoneColumn) {
    return new Spot(row.getLong(idColumn), row.getString("number"), row.getLong(zoneIdColumn),
        row.getString(zoneColumn), row.getString(zoneColumn + "_name"), decimal(row, "x"), decimal(row, "y"),
        decimal(row, "width"), decimal(row, "depth"), row.getBoolean("power"));
  }

  private static SpotWish wish(Row row) {
    return new SpotWish(row.getLong("wanted_spot_id"), row.getBoolean("needs_power"), decimal(row, "min_width"),
        decimal(row, "min_depth"), row.getLong("zone_id"));
  }

  private static Double decimal(Row row, String column) {
    Numeric value = row.get(Numeric.class, column);
    return value == null ? null : value.doubleValue();
  }

  private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> items = new ArrayList<>();
    rows.forEach(row -> items.add(mapper.apply(row)));
    return items;
  }
}
