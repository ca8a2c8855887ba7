package fr.parcours.fair;

import fr.parcours.i18n.Dates;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times are stored as instants (timestamptz) and always published in the fair's own zone,
 * as ISO 8601 with the offset of that day (+01:00 in winter, +02:00 in summer for Paris).
 */
public final class FairTimes {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private FairTimes() {
  }

  /** The instant as the fair's local time with offset, e.g. {@code 2026-03-12T09:00:00+01:00}. */
  public static String format(OffsetDateTime instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local(instant, zone).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The fair's wall clock at that instant, like {@code 09:40}: what printed lists and mails show. */
  public static String clock(OffsetDateTime instant, ZoneId zone) {
    return CLOCK.format(local(instant, zone));
  }

  public static OffsetDateTime local(OffsetDateTime instant, ZoneId zone) {
    return instant.atZoneSameInstant(zone).toOffsetDateTime();
  }

  /** The instant of a wall-clock time on a day of the fair. */
  public static OffsetDateTime at(LocalDate day, LocalTime time, ZoneId zone) {
    return day.atTime(time).atZone(zone).toOffsetDateTime();
  }

  /** "jeudi 18 mars 2027", as people read a date in {@code locale} ({@link Dates}). */
  public static String dayLabel(LocalDate day, Locale locale) {
    return Dates.date(locale.getLanguage(), day);
  }

  /** The fair's wall clock at that instant as people write it: "9 h 40", "9:40" ({@link Dates}). */
  public static String clock(OffsetDateTime instant, ZoneId zone, String language) {
    return Dates.time(language, local(instant, zone).toLocalTime());
  }
}
