package fr.parcours.fair.resource;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A resource's columns, as read from a body (validated by its {@link FieldSpec}s) or from its
 * table: one generic shape because one spec-driven repository writes every kind. The values'
 * types are the ones the specs give, so each is read here, once, by what it is; the rules read
 * the kinds they check through their own records ({@link SessionRow}).
 */
record ResourceRow(Map<String, Object> columns) {

  static final ResourceRow EMPTY = new ResourceRow(Map.of());

  ResourceRow {
    // Copied by hand: Map.copyOf refuses the null a column may hold (a session without a zone).
    columns = Collections.unmodifiableMap(new HashMap<>(columns));
  }

  /** The stored row's id; null for a row not stored yet. */
  Long id() {
    return (Long) columns.get("id");
  }

  boolean isNew() {
    return id() == null;
  }

  /** A reference column ({@code room_id}…) or another id, null when it points nowhere. */
  Long ref(String column) {
    return (Long) columns.get(column);
  }

  Integer whole(String column) {
    return (Integer) columns.get(column);
  }

  String text(String column) {
    return (String) columns.get(column);
  }

  OffsetDateTime time(String column) {
    return (OffsetDateTime) columns.get(column);
  }

  /** A decimal column: a Double from a body, a Numeric from the table. */
  double decimal(String column) {
    return ((Number) columns.get(column)).doubleValue();
  }

  /** The raw value, for the repository's parameters and the reference lookups. */
  Object value(String column) {
    return columns.get(column);
  }

  ResourceRow with(String column, Object value) {
    Map<String, Object> changed = new HashMap<>(columns);
    changed.put(column, value);
    return new ResourceRow(changed);
  }

  /** This row with {@code changes} written over it. */
  ResourceRow merged(ResourceRow changes) {
    Map<String, Object> merged = new HashMap<>(columns);
    merged.putAll(changes.columns());
    return new ResourceRow(merged);
  }
}
