package fr.parcours.i18n;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people write them, the one place pages, messages, exports and calendars
 * get them from: "jeudi 18 mars 2027" and "9 h 40" in French, "Thursday 18 March 2027" and
 * "9:40" in English; never ISO text.
 */
public final class Dates {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private Dates() {
  }

  public static String date(String language, LocalDate date) {
    if ("fr".equals(language)) {
      String text = FRENCH_DATE.format(date);
      return date.getDayOfMonth() == 1 ? text.replaceFirst(" 1 ", " 1er ") : text;
    }
    return ENGLISH_DATE.format(date);
  }

  public static String time(String language, LocalTime time) {
    if ("fr".equals(language)) {
      return time.getMinute() == 0 ? time.getHour() + " h" : String.format("%d h %02d", time.getHour(), time.getMinute());
    }
    return String.format("%d:%02d", time.getHour(), time.getMinute());
  }

  public static String dateTime(String language, LocalDateTime dateTime) {
    return date(language, dateTime.toLocalDate()) + ", " + time(language, dateTime.toLocalTime());
  }

  /** A stretch of one day's time: "9 h–12 h", "9:00–12:00". */
  public static String range(String language, LocalTime from, LocalTime to) {
    return time(language, from) + "–" + time(language, to);
  }
}
