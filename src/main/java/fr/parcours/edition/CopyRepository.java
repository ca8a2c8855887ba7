package fr.parcours.edition;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * SQL that copies an edition into a new draft fair, table by table, inside the caller's
 * transaction. Only the plan of the fair travels: never a booking, a pick, a reservation, an
 * association (contacts) or a visitor's selection, and every count of places starts at 0.
 */
final class CopyRepository {

  /** An association of the source fair that can be asked to take part again. */
  record Contact(long id, String name, String email, String language) {
  }

  /**
   * An instant of the source moved to the new edition: same wall-clock time in the fair's zone,
   * on the new day its source day becomes (a date outside the fair's days, such as the
   * registration window's, moves by as many days as the first day does). Parameters: $3 the
   * source days, $4 the new days, $5 the zone, $6 the first day's shift in days.
   */
  private static String shifted(String column) {
    String local = "(" + column + " AT TIME ZONE $5)";
    return "((coalesce((SELECT m.new_day FROM unnest($3::date[], $4::date[]) AS m(old_day, new_day) "
        + "WHERE m.old_day = " + local + "::date), " + local + "::date + $6::int) + " + local + "::time) "
        + "AT TIME ZONE $5)";
  }

  /** The parameters {@link #shifted} reads ($3 to $6), after two of the statement's own. */
  private static Tuple shifting(long first, long second, List<LocalDate> from, List<LocalDate> to, String zone) {
    int shift = (int) ChronoUnit.DAYS.between(from.get(0), to.get(0));
    return Tuple.of(first, second, from.toArray(LocalDate[]::new), to.toArray(LocalDate[]::new), zone, shift);
  }

  Future<Long> insertFair(SqlConnection conn, long source, List<LocalDate> from, List<LocalDate> to, String zone,
                          long owner, CopyRequest request) {
    String sql = "INSERT INTO fairs (owner_id, slug, name, city, description, time_zone, status, "
        + "registration_opens_at, registration_closes_at, changeover_minutes, language) "
        + "SELECT $2, $7, $8, $9, description, time_zone, 'draft', " + shifted("registration_opens_at") + ", "
        + shifted("registration_closes_at") + ", changeover_minutes, language FROM fairs WHERE id = $1 RETURNING id";
    Tuple params = shifting(source, owner, from, to, zone).addValue(request.slug()).addValue(request.name())
        .addValue(request.city());
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong("id"));
  }

  /** The days, the booking rules and the tracks: what every copy takes (its owner joins by the fairs trigger). */
  Future<Void> copyPlan(SqlConnection conn, long source, long copy, List<LocalDate> from,
                        List<LocalDate> to) {
    Tuple ids = Tuple.of(source, copy);
    return conn.preparedQuery("INSERT INTO fair_days (fair_id, day, opens_at, closes_at) "
            + "SELECT $2, m.new_day, d.opens_at, d.closes_at FROM fair_days d "
            + "JOIN unnest($3::date[], $4::date[]) AS m(old_day, new_day) ON m.old_day = d.day WHERE d.fair_id = $1")
        .execute(Tuple.of(source, copy, from.toArray(LocalDate[]::new), to.toArray(LocalDate[]::new)))
        .compose(done -> conn.preparedQuery("INSERT INTO booking_rules (fair_id, pupils_per_adult, "
            + "max_pupils_per_school, max_classes_per_school, max_pupils_per_school_per_track, "
            + "max_classes_per_school_per_track) SELECT $2, pupils_per_adult, max_pupils_per_school, "
            + "max_classes_per_school, max_pupils_per_school_per_track, max_classes_per_school_per_track "
            + "FROM booking_rules WHERE fair_id = $1").execute(ids))
        .compose(done -> conn.preparedQuery("INSERT INTO tracks (fair_id, slug, name, description, color, "
            + "levels, position, class_size) SELECT $2, slug, name, description, color, levels, position, class_size "
            + "FROM tracks WHERE fair_id = $1").execute(ids))
        .mapEmpty();
  }

  /** Venues, rooms, zones and stand spots, each pointing at its copied parent by slug. */
  Future<Void> copyPlaces(SqlConnection conn, long source, long copy) {
    Tuple ids = Tuple.of(source, copy);
    return conn.preparedQuery("INSERT INTO venues (fair_id, slug, name, address, city) "
            + "SELECT $2, slug, name, address, city FROM venues WHERE fair_id = $1").execute(ids)
        .compose(done -> conn.preparedQuery("INSERT INTO rooms (fair_id, venue_id, slug, name, kind, capacity, "
            + "screen, power, accessible) SELECT $2, nv.id, r.slug, r.name, r.kind, r.capacity, r.screen, r.power, "
            + "r.accessible FROM rooms r JOIN venues ov ON ov.id = r.venue_id "
            + "JOIN venues nv ON nv.fair_id = $2 AND nv.slug = ov.slug WHERE r.fair_id = $1").execute(ids))
        .compose(done -> conn.preparedQuery("INSERT INTO zones (fair_id, venue_id, slug, name, capacity) "
            + "SELECT $2, nv.id, z.slug, z.name, z.capacity FROM zones z JOIN venues ov ON ov.id = z.venue_id "
            + "JOIN venues nv ON nv.fair_id = $2 AND nv.slug = ov.slug WHERE z.fair_id = $1").execute(ids))
        .compose(done -> conn.preparedQuery("INSERT INTO stand_spots (fair_id, zone_id, number, x, y, width, depth, "
            + "power) SELECT $2, nz.id, s.number, s.x, s.y, s.width, s.depth, s.power FROM stand_spots s "
            + "JOIN zones oz ON oz.id = s.zone_id JOIN zones nz ON nz.fair_id = $2 AND nz.slug = oz.slug "
            + "WHERE s.fair_id = $1").execute(ids))
        .mapEmpty();
  }

  /**
   * The slot grid and the scheduled activities, moved to the new days; a session keeps its track,
   * room and zone when the copy has them (by slug), never its association, and no place is booked.
   */
  Future<Void> copyTimes(SqlConnection conn, long source, long copy, List<LocalDate> from, List<LocalDate> to,
                         String zone) {
    Tuple params = shifting(source, copy, from, to, zone);
    return conn.preparedQuery("INSERT INTO slots (fair_id, starts_at, ends_at) SELECT $2, " + shifted("starts_at")
            + ", " + shifted("ends_at") + " FROM slots WHERE fair_id = $1").execute(params)
        .compose(done -> conn.preparedQuery("INSERT INTO sessions (fair_id, activity, title, description, kind, "
            + "level, track_id, room_id, zone_id, starts_at, ends_at, capacity) "
            + "SELECT $2, s.activity, s.title, s.description, s.kind, s.level, nt.id, nr.id, nz.id, "
            + shifted("s.starts_at") + ", " + shifted("s.ends_at") + ", s.capacity FROM sessions s "
            + "LEFT JOIN tracks ot ON ot.id = s.track_id LEFT JOIN tracks nt ON nt.fair_id = $2 AND nt.slug = ot.slug "
            + "LEFT JOIN rooms orm ON orm.id = s.room_id LEFT JOIN rooms nr ON nr.fair_id = $2 AND nr.slug = orm.slug "
            + "LEFT JOIN zones oz ON oz.id = s.zone_id LEFT JOIN zones nz ON nz.fair_id = $2 AND nz.slug = oz.slug "
            + "WHERE s.fair_id = $1 AND s.status = 'scheduled'").execute(params))
        .mapEmpty();
  }

  Future<List<Long>> challenges(SqlConnection conn, long source) {
    return conn.preparedQuery("SELECT id FROM challenges WHERE fair_id = $1 ORDER BY id").execute(Tuple.of(source))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getLong("id")).toList());
  }

  /** One challenge with its slots (nothing taken), at its zone or spot when the copy has it. */
  Future<Void> copyChallenge(SqlConnection conn, long challenge, long source, long copy, List<LocalDate> from,
                             List<LocalDate> to, String zone) {
    return conn.preparedQuery("INSERT INTO challenges (fair_id, title, description, zone_id, spot_id) "
            + "SELECT $2, c.title, c.description, nz.id, ns.id FROM challenges c "
            + "LEFT JOIN zones oz ON oz.id = c.zone_id LEFT JOIN zones nz ON nz.fair_id = $2 AND nz.slug = oz.slug "
            + "LEFT JOIN stand_spots os ON os.id = c.spot_id "
            + "LEFT JOIN stand_spots ns ON ns.fair_id = $2 AND ns.number = os.number "
            + "WHERE c.id = $3 AND c.fair_id = $1 RETURNING id")
        .execute(Tuple.of(source, copy, challenge))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(copied -> conn.preparedQuery("INSERT INTO challenge_slots (challenge_id, starts_at, ends_at, "
                + "capacity, unit) SELECT $1, " + shifted("starts_at") + ", " + shifted("ends_at") + ", capacity, unit "
                + "FROM challenge_slots WHERE challenge_id = $2")
            .execute(shifting(copied, challenge, from, to, zone)))
        .mapEmpty();
  }

  Future<List<Contact>> contacts(SqlConnection conn, long source) {
    return conn.preparedQuery("SELECT id, name, contact_email, language FROM associations WHERE fair_id = $1 "
            + "AND contact_email <> '' ORDER BY id").execute(Tuple.of(source))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(CopyRepository::contact).toList());
  }

  Future<Void> insertRejoinLink(SqlConnection conn, byte[] tokenHash, long association, long copy) {
    return conn.preparedQuery("INSERT INTO association_rejoin_links (token_hash, association_id, fair_id) "
            + "VALUES ($1, $2, $3)").execute(Tuple.of(Buffer.buffer(tokenHash), association, copy)).mapEmpty();
  }

  private static Contact contact(Row row) {
    return new Contact(row.getLong("id"), row.getString("name"), row.getString("contact_email"), row.getString("language"));
  }
}
