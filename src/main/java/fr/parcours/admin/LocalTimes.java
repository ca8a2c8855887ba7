package fr.parcours.admin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Date-times as the organiser's forms give them: a browser's {@code datetime-local} field has
 * no offset, so its wall-clock time is read in the fair's zone before the API's reader sees it.
 */
final class LocalTimes {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private LocalTimes() {
  }

  /** The typed time with the zone's offset then; what cannot be read is left as typed, for the reader to name. */
  static String withOffset(String typed, String zone) {
    try {
      return LocalDateTime.parse(typed).atZone(ZoneId.of(zone)).toOffsetDateTime().toString();
    } catch (DateTimeException e) {
      return typed;
    }
  }

  /** What a {@code datetime-local} field shows of an instant: the fair's wall clock. */
  static String field(OffsetDateTime instant, ZoneId zone) {
    return instant == null ? "" : FIELD.format(instant.atZoneSameInstant(zone));
  }

  /** The same for an instant written as the API writes it (with its offset). */
  static String field(String instant, ZoneId zone) {
    return instant == null ? "" : field(OffsetDateTime.parse(instant), zone);
  }
}
