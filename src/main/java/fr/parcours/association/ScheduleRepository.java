package fr.parcours.association;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.stream.StreamSupport;

/** SQL for an association's schedule: its sessions and the classes booked on them. */
final class ScheduleRepository {

  Future<List<Row>> sessions(SqlClient client, long associationId) {
    return rows(client, "SELECT s.id, s.title, s.kind, s.starts_at, s.ends_at, s.status, s.capacity, s.booked, "
        + "t.slug AS track, coalesce(r.slug, z.slug) AS place_slug, coalesce(r.name, z.name) AS place_name, "
        + "o.id AS offer FROM sessions s LEFT JOIN tracks t ON t.id = s.track_id "
        + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN zones z ON z.id = s.zone_id "
        + "LEFT JOIN offers o ON o.session_id = s.id "
        + "WHERE s.association_id = $1 ORDER BY s.starts_at, s.id", associationId);
  }

  /** The confirmed classes holding a place on the association's sessions: school and class, never the teacher. */
  Future<List<Row>> classes(SqlClient client, long associationId) {
    return rows(client, "SELECT h.session_id, b.school_name, b.school_city, b.class_name, b.class_level, "
        + "b.pupils, b.adults, h.people FROM held_places h JOIN bookings b ON b.id = h.booking_id "
        + "JOIN sessions s ON s.id = h.session_id "
        + "WHERE s.association_id = $1 AND b.status = 'confirmed' ORDER BY h.session_id, b.school_name, b.class_name",
        associationId);
  }

  private static Future<List<Row>> rows(SqlClient client, String sql, long associationId) {
    return client.preparedQuery(sql).execute(Tuple.of(associationId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
  }
}
