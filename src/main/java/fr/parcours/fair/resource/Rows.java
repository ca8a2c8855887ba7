package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Field;

import java.time.OffsetDateTime;
import java.util.Map;

/** What the rules of several kinds read alike: a row's own id, and the period check slots and sessions share. */
final class Rows {

  private static final long NEW_ROW = -1;

  private Rows() {
  }

  /** The row's id, or -1 for a row not stored yet (so "every other row" queries exclude nothing). */
  static long selfId(Long id) {
    return id == null ? NEW_ROW : id;
  }

  /** The row's period; it must end after it starts and lie within one fair day's opening hours. */
  static Interval period(Fair fair, ResourceRow row) {
    return period(fair, row.time("starts_at"), row.time("ends_at"));
  }

  static Interval period(Fair fair, OffsetDateTime start, OffsetDateTime end) {
    Interval period = new Interval(start, end);
    if (period.isEmptyOrReversed()) {
      throw AppException.unprocessable("INVALID_PERIOD", "ends_at", Map.of("other", Field.of("starts_at")));
    }
    if (fair.dayContaining(period).isEmpty()) {
      throw AppException.unprocessable("OUTSIDE_OPENING_HOURS", "starts_at", Map.of());
    }
    return period;
  }
}
