package fr.parcours.association;

import fr.parcours.association.PlacementConflicts.Other;
import fr.parcours.db.Results;
import fr.parcours.fair.Interval;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The reads a placement is checked against: the room, the track, the slot, the sessions around. */
final class PlacementRepository {

  /** A room of the fair, as a placement names it (by slug). */
  record Room(long id, String slug, PlacementConflicts.Room facts) {
  }

  /** A track's name and the size of its usual class. */
  record Track(String name, int classSize) {
  }

  private static final String OTHERS = "SELECT s.id, s.title, s.starts_at, s.ends_at, a.name AS association, "
      + "r.name AS room FROM sessions s LEFT JOIN associations a ON a.id = s.association_id "
      + "LEFT JOIN rooms r ON r.id = s.room_id WHERE s.status = 'scheduled' AND s.id <> $2 ";

  /** A scheduled session of the fair with what its conflicts are checked against. */
  record Scheduled(Other other, Long roomId, Long associationId, Room room, Track track) {
  }

  /** Every scheduled session of the fair, for the conflicts the programme holds now. */
  Future<List<Scheduled>> scheduled(SqlClient client, long fairId) {
    return client.preparedQuery("SELECT s.id, s.title, s.starts_at, s.ends_at, s.room_id, s.association_id, "
            + "a.name AS association, r.name AS room, r.capacity AS room_capacity, t.name AS track, t.class_size "
            + "FROM sessions s LEFT JOIN associations a ON a.id = s.association_id "
            + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN tracks t ON t.id = s.track_id "
            + "WHERE s.fair_id = $1 AND s.status = 'scheduled' ORDER BY s.starts_at, s.id")
        .execute(Tuple.of(fairId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new Scheduled(
            new Other(row.getLong("id"), row.getString("title"), row.getString("association"), row.getString("room"),
                period(row)),
            row.getLong("room_id"), row.getLong("association_id"),
            row.getLong("room_id") == null ? null : new Room(row.getLong("room_id"), null,
                new PlacementConflicts.Room(row.getString("room"), row.getInteger("room_capacity"))),
            row.getString("track") == null ? null : new Track(row.getString("track"), row.getInteger("class_size"))))
            .toList());
  }

  /**
   * Links the offer to its first scheduled showing when the session it is linked to is no
   * longer scheduled (a plan cancelled or replaced it), so the programme page counts it placed.
   */
  Future<Void> relink(SqlClient client, long offerId) {
    return client.preparedQuery("UPDATE offers o SET session_id = s.id, updated_at = now() FROM (SELECT id FROM sessions "
            + "WHERE activity = 'offer-' || $1::bigint AND status = 'scheduled' "
            + "AND fair_id = (SELECT fair_id FROM offers WHERE id = $1) ORDER BY starts_at, id LIMIT 1) s "
            + "WHERE o.id = $1 AND o.session_id IS DISTINCT FROM s.id AND NOT EXISTS (SELECT 1 FROM sessions l "
            + "WHERE l.id = o.session_id AND l.status = 'scheduled')")
        .execute(Tuple.of(offerId)).mapEmpty();
  }

  /** A showing of an offer in the programme: when, and in which room. */
  record Showing(Interval period, String room) {
  }

  /** The scheduled sessions of the offer, in time order. */
  Future<List<Showing>> showings(SqlClient client, long offerId) {
    return client.preparedQuery("SELECT s.starts_at, s.ends_at, coalesce(r.name, '') AS room FROM sessions s "
            + "LEFT JOIN rooms r ON r.id = s.room_id WHERE s.activity = 'offer-' || $1::bigint "
            + "AND s.status = 'scheduled' AND s.fair_id = (SELECT fair_id FROM offers WHERE id = $1) "
            + "ORDER BY s.starts_at, s.id")
        .execute(Tuple.of(offerId))
        .map(rows -> {
          List<Showing> showings = new ArrayList<>();
          rows.forEach(row -> showings.add(new Showing(new Interval(row.getOffsetDateTime("starts_at"),
              row.getOffsetDateTime("ends_at")), row.getString("room"))));
          return showings;
        });
  }

  Future<Optional<Room>> room(SqlClient client, long fairId, String slug) {
    return client.preparedQuery("SELECT id, slug, name, capacity FROM rooms WHERE fair_id = $1 AND slug = $2")
        .execute(Tuple.of(fairId, slug))
        .map(rows -> Results.first(rows).map(row -> new Room(row.getLong("id"), row.getString("slug"),
            new PlacementConflicts.Room(row.getString("name"), row.getInteger("capacity")))));
  }

  Future<Track> track(SqlClient client, long trackId) {
    return client.preparedQuery("SELECT name, class_size FROM tracks WHERE id = $1").execute(Tuple.of(trackId))
        .map(rows -> rows.iterator().next())
        .map(row -> new Track(row.getString("name"), row.getInteger("class_size")));
  }

  Future<Optional<Interval>> slot(SqlClient client, long fairId, long slotId) {
    return client.preparedQuery("SELECT starts_at, ends_at FROM slots WHERE fair_id = $1 AND id = $2")
        .execute(Tuple.of(fairId, slotId))
        .map(rows -> Results.first(rows).map(PlacementRepository::period));
  }

  /** The room's scheduled sessions but {@code selfId} (-1 for none). */
  Future<List<Other>> inRoom(SqlClient client, long roomId, long selfId) {
    return others(client, OTHERS + "AND s.room_id = $1 ORDER BY s.starts_at", Tuple.of(roomId, selfId));
  }

  /** The association's scheduled sessions but {@code selfId} (-1 for none). */
  Future<List<Other>> ofAssociation(SqlClient client, long associationId, long selfId) {
    return others(client, OTHERS + "AND s.association_id = $1 ORDER BY s.starts_at", Tuple.of(associationId, selfId));
  }

  private static Future<List<Other>> others(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql).execute(params).map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(row -> new Other(row.getLong("id"), row.getString("title"), row.getString("association"),
            row.getString("room"), period(row)))
        .toList());
  }

  private static Interval period(Row row) {
    return new Interval(row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("ends_at"));
  }
}
