package fr.parcours.fair.resource;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * SQL for every fair sub-resource, built from its {@link ResourceSpec}. Table and column names
 * come only from the catalog, never from a request; values always travel as parameters.
 */
final class ResourceRepository {

  /** The track of one of the fair's sessions (none for a session without one, or no such session). */
  Future<Optional<Long>> trackOfSession(SqlConnection conn, long fairId, long sessionId) {
    return conn.preparedQuery("SELECT track_id FROM sessions WHERE fair_id = $1 AND id = $2 AND track_id IS NOT NULL")
        .execute(Tuple.of(fairId, sessionId))
        .map(rows -> Results.first(rows).map(row -> row.getLong("track_id")));
  }

  Future<Optional<Long>> idOfSlug(SqlClient client, String table, long fairId, String slug) {
    return client.preparedQuery("SELECT id FROM " + table + " WHERE fair_id = $1 AND slug = $2")
        .execute(Tuple.of(fairId, slug))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")));
  }

  /**
   * The stored columns of one resource, named by its key, locked until the write commits: a
   * booking that changes a session's "booked" count meanwhile waits instead of slipping past the checks.
   */
  Future<Optional<ResourceRow>> findRow(SqlConnection conn, ResourceSpec spec, long fairId, Object key) {
    return conn.preparedQuery("SELECT * FROM " + spec.table() + " WHERE fair_id = $1 AND " + spec.key() + " = $2 "
            + "FOR UPDATE")
        .execute(Tuple.of(fairId, key))
        .map(rows -> Results.first(rows).map(ResourceRepository::columns));
  }

  Future<Long> insert(SqlConnection conn, ResourceSpec spec, long fairId, ResourceRow row) {
    List<String> columns = writableColumns(spec);
    String placeholders = IntStream.rangeClosed(2, columns.size() + 1).mapToObj(i -> "$" + i)
        .collect(Collectors.joining(", "));
    String sql = "INSERT INTO " + spec.table() + " (fair_id, " + String.join(", ", columns) + ") VALUES ($1, "
        + placeholders + ") RETURNING id";
    return conn.preparedQuery(sql).execute(values(fairId, columns, row)).map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> update(SqlConnection conn, ResourceSpec spec, long id, ResourceRow row) {
    List<String> columns = writableColumns(spec);
    String assignments = IntStream.range(0, columns.size()).mapToObj(i -> columns.get(i) + " = $" + (i + 2))
        .collect(Collectors.joining(", "));
    String sql = "UPDATE " + spec.table() + " t SET " + assignments + spec.touchOnUpdate() + " WHERE t.id = $1";
    return conn.preparedQuery(sql).execute(values(id, columns, row)).mapEmpty();
  }

  Future<Void> delete(SqlConnection conn, ResourceSpec spec, long id) {
    return conn.preparedQuery("DELETE FROM " + spec.table() + " WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  /** The resources of a fair (or the one with {@code id}) as the API shows them: references by slug. */
  Future<List<Row>> view(SqlClient client, ResourceSpec spec, long fairId, Long id) {
    String sql = viewSql(spec) + " WHERE t.fair_id = $1" + (id == null ? "" : " AND t.id = $2")
        + " ORDER BY " + spec.orderBy();
    Tuple params = id == null ? Tuple.of(fairId) : Tuple.of(fairId, id);
    return client.preparedQuery(sql).execute(params)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
  }

  /** Selects the fields by their JSON names, joining each referenced table for its slug. */
  private static String viewSql(ResourceSpec spec) {
    List<String> selected = new ArrayList<>(List.of("t.id"));
    StringBuilder joins = new StringBuilder();
    for (FieldSpec field : spec.fields()) {
      if (field.type() == FieldSpec.Type.REFERENCE) {
        String alias = "r_" + field.name();
        selected.add(alias + ".slug AS " + field.name());
        joins.append(" LEFT JOIN ").append(field.refTable()).append(' ').append(alias)
            .append(" ON ").append(alias).append(".id = t.").append(field.column());
      } else {
        selected.add("t." + field.column());
      }
    }
    spec.shownColumns().forEach(column -> selected.add("t." + column));
    return "SELECT " + String.join(", ", selected) + " FROM " + spec.table() + " t" + joins;
  }

  private static List<String> writableColumns(ResourceSpec spec) {
    return spec.fields().stream().map(FieldSpec::column).toList();
  }

  private static Tuple values(long first, List<String> columns, ResourceRow row) {
    Tuple tuple = Tuple.tuple().addValue(first);
    columns.forEach(column -> tuple.addValue(row.value(column)));
    return tuple;
  }

  private static ResourceRow columns(Row row) {
    Map<String, Object> columns = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      columns.put(row.getColumnName(i), row.getValue(i));
    }
    return new ResourceRow(columns);
  }
}
