package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Field;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Typed reads of a row about to be stored, and the period check slots and sessions share. */
final class Rows {

  private static final long NEW_ROW = -1;

  private Rows() {
  }

  /** The row's id, or -1 for a row not stored yet (so "every other row" queries exclude nothing). */
  static long selfId(Map<String, Object> row) {
    Object id = row.get("id");
    return id == null ? NEW_ROW : (Long) id;
  }

  static double decimal(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  /** The row's period; it must end after it starts and lie within one fair day's opening hours. */
  static Interval period(Fair fair, Map<String, Object> row) {
    Interval period = new Interval((OffsetDateTime) row.get("starts_at"), (OffsetDateTime) row.get("ends_at"));
    if (period.isEmptyOrReversed()) {
      throw AppException.unprocessable("INVALID_PERIOD", "ends_at", Map.of("other", Field.of("starts_at")));
    }
    if (fair.dayContaining(period).isEmpty()) {
      throw AppException.unprocessable("OUTSIDE_OPENING_HOURS", "starts_at", Map.of());
    }
    return period;
  }
}
