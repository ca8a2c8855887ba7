package fr.parcours.challenge;

import fr.parcours.challenge.Challenge.BookingRef;
import fr.parcours.challenge.Challenge.Pick;
import fr.parcours.challenge.Challenge.Slot;
import fr.parcours.challenge.ChallengeInput.SlotInput;
import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All the SQL of challenges, their slots and the picks of class bookings. */
final class ChallengeRepository {

  private static final String SLOT_COLUMNS = "SELECT cs.* FROM challenge_slots cs ";

  Future<Optional<Long>> zoneId(SqlClient db, long fairId, String slug) {
    return db.preparedQuery("SELECT id FROM zones WHERE fair_id = $1 AND slug = $2").execute(Tuple.of(fairId, slug))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")));
  }

  Future<Optional<Long>> spotId(SqlClient db, long fairId, String number) {
    return db.preparedQuery("SELECT id FROM stand_spots WHERE fair_id = $1 AND number = $2")
        .execute(Tuple.of(fairId, number))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")));
  }

  Future<Long> insert(SqlClient db, long fairId, ChallengeInput in, Long zoneId, Long spotId) {
    return db.preparedQuery("INSERT INTO challenges (fair_id, title, description, zone_id, spot_id) "
            + "VALUES ($1, $2, coalesce($3, ''), $4, $5) RETURNING id")
        .execute(Tuple.of(fairId, in.title(), in.description(), zoneId, spotId))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Updates the fields given; a null keeps the stored value. */
  Future<Void> update(SqlClient db, long id, ChallengeInput in, Long zoneId, Long spotId) {
    return db.preparedQuery("UPDATE challenges SET title = coalesce($2, title), "
            + "description = coalesce($3, description), zone_id = coalesce($4, zone_id), "
            + "spot_id = coalesce($5, spot_id), updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, in.title(), in.description(), zoneId, spotId)).mapEmpty();
  }

  Future<Void> delete(SqlClient db, long id) {
    return db.preparedQuery("DELETE FROM challenges WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  Future<Long> insertSlot(SqlClient db, long challengeId, SlotInput slot) {
    return db.preparedQuery("INSERT INTO challenge_slots (challenge_id, starts_at, ends_at, capacity, unit) "
            + "VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(challengeId, slot.startsAt(), slot.endsAt(), slot.capacity(), slot.unit()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> updateSlot(SqlClient db, Slot slot) {
    return db.preparedQuery("UPDATE challenge_slots SET starts_at = $2, ends_at = $3, capacity = $4, unit = $5 "
            + "WHERE id = $1")
        .execute(Tuple.of(slot.id(), slot.startsAt(), slot.endsAt(), slot.capacity(), slot.unit())).mapEmpty();
  }

  Future<Void> deleteSlot(SqlClient db, long slotId) {
    return db.preparedQuery("DELETE FROM challenge_slots WHERE id = $1").execute(Tuple.of(slotId)).mapEmpty();
  }

  /** A slot of one of the fair's challenges, locked until the transaction ends. */
  Future<Optional<Slot>> lockSlot(SqlClient db, long fairId, long challengeId, long slotId) {
    return db.preparedQuery(SLOT_COLUMNS + "JOIN challenges c ON c.id = cs.challenge_id "
            + "WHERE c.fair_id = $1 AND c.id = $2 AND cs.id = $3 FOR UPDATE OF cs")
        .execute(Tuple.of(fairId, challengeId, slotId))
        .map(rows -> Results.first(rows).map(ChallengeRepository::slot));
  }

  Future<List<Challenge>> list(SqlClient db, long fairId, Long id) {
    return db.preparedQuery("SELECT c.*, z.slug AS zone, s.number AS spot FROM challenges c "
            + "LEFT JOIN zones z ON z.id = c.zone_id LEFT JOIN stand_spots s ON s.id = c.spot_id "
            + "WHERE c.fair_id = $1 AND ($2::bigint IS NULL OR c.id = $2) ORDER BY c.id")
        .execute(Tuple.of(fairId, id))
        .compose(rows -> slots(db, fairId).map(slots -> {
          List<Challenge> challenges = new ArrayList<>();
          rows.forEach(row -> challenges.add(new Challenge(row.getLong("id"), fairId, row.getString("title"),
              row.getString("description"), row.getString("zone"), row.getString("spot"),
              slots.getOrDefault(row.getLong("id"), List.of()))));
          return challenges;
        }));
  }

  private Future<Map<Long, List<Slot>>> slots(SqlClient db, long fairId) {
    return db.preparedQuery(SLOT_COLUMNS + "JOIN challenges c ON c.id = cs.challenge_id WHERE c.fair_id = $1 "
            + "ORDER BY cs.starts_at, cs.id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          Map<Long, List<Slot>> byChallenge = new HashMap<>();
          rows.forEach(row -> byChallenge.computeIfAbsent(row.getLong("challenge_id"), id -> new ArrayList<>())
              .add(slot(row)));
          return byChallenge;
        });
  }

  /**
   * The booking behind a teacher's link, its row locked: a cancellation, which updates that
   * row before letting go of the pick, then waits for the pick to commit, or the pick for it.
   */
  Future<Optional<BookingRef>> lockBooking(SqlClient db, String token) {
    return booking(db, "b.manage_token = $1", token);
  }

  /** The booking by id, its row locked (its own transaction has usually locked it already). */
  Future<Optional<BookingRef>> lockBooking(SqlClient db, long id) {
    return booking(db, "b.id = $1", id);
  }

  private Future<Optional<BookingRef>> booking(SqlClient db, String where, Object key) {
    return db.preparedQuery("SELECT b.id, b.fair_id, b.status, b.pupils, "
            + "(b.day + b.arrival) AT TIME ZONE f.time_zone AS from_at, "
            + "(b.day + b.departure) AT TIME ZONE f.time_zone AS to_at "
            + "FROM bookings b JOIN fairs f ON f.id = b.fair_id WHERE " + where + " FOR UPDATE OF b")
        .execute(Tuple.of(key))
        .map(rows -> Results.first(rows).map(row -> new BookingRef(row.getLong("id"), row.getLong("fair_id"),
            row.getString("status"), row.getInteger("pupils"), row.getOffsetDateTime("from_at"),
            row.getOffsetDateTime("to_at"))));
  }

  /** Changes the places a pick holds by {@code delta} if the slot has them; false (nothing changed) otherwise. */
  Future<Boolean> resize(SqlClient db, long bookingId, int delta) {
    return db.preparedQuery("WITH grown AS (UPDATE challenge_slots cs SET taken = cs.taken + $2 FROM challenge_picks p "
            + "WHERE p.booking_id = $1 AND cs.id = p.slot_id AND cs.taken + $2 <= cs.capacity RETURNING cs.id) "
            + "UPDATE challenge_picks SET places = places + $2 WHERE booking_id = $1 AND EXISTS (SELECT 1 FROM grown)")
        .execute(Tuple.of(bookingId, delta)).map(rows -> rows.rowCount() == 1);
  }

  /** Takes places in a slot if they are left; false (nothing changed) when the slot is full. */
  Future<Boolean> take(SqlClient db, long slotId, int places) {
    return db.preparedQuery("UPDATE challenge_slots SET taken = taken + $2 WHERE id = $1 AND taken + $2 <= capacity")
        .execute(Tuple.of(slotId, places)).map(rows -> rows.rowCount() == 1);
  }

  Future<Void> insertPick(SqlClient db, long bookingId, long slotId, int places) {
    return db.preparedQuery("INSERT INTO challenge_picks (booking_id, slot_id, places) VALUES ($1, $2, $3)")
        .execute(Tuple.of(bookingId, slotId, places)).mapEmpty();
  }

  /** Drops the booking's pick, if any, and gives its places back to the slot. */
  Future<Void> release(SqlClient db, long bookingId) {
    return db.preparedQuery("WITH dropped AS (DELETE FROM challenge_picks WHERE booking_id = $1 "
            + "RETURNING slot_id, places) UPDATE challenge_slots cs SET taken = cs.taken - d.places "
            + "FROM dropped d WHERE cs.id = d.slot_id")
        .execute(Tuple.of(bookingId)).mapEmpty();
  }

  /** The slot the booking's pick holds, if any. */
  Future<Optional<Long>> pickedSlot(SqlClient db, long bookingId) {
    return db.preparedQuery("SELECT slot_id FROM challenge_picks WHERE booking_id = $1").execute(Tuple.of(bookingId))
        .map(rows -> Results.first(rows).map(row -> row.getLong("slot_id")));
  }

  Future<Optional<Pick>> pick(SqlClient db, long bookingId) {
    return db.preparedQuery("SELECT p.places, c.title, cs.* FROM challenge_picks p "
            + "JOIN challenge_slots cs ON cs.id = p.slot_id JOIN challenges c ON c.id = cs.challenge_id "
            + "WHERE p.booking_id = $1")
        .execute(Tuple.of(bookingId))
        .map(rows -> Results.first(rows).map(row -> new Pick(row.getLong("challenge_id"), row.getString("title"),
            slot(row), row.getInteger("places"))));
  }

  private static Slot slot(Row row) {
    return new Slot(row.getLong("id"), row.getLong("challenge_id"), row.getOffsetDateTime("starts_at"),
        row.getOffsetDateTime("ends_at"), row.getInteger("capacity"), row.getString("unit"), row.getInteger("taken"));
  }
}
