package fr.parcours.fair;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/** One day of a fair with its opening hours, as wall-clock times of the fair's zone. */
public record FairDay(LocalDate day, LocalTime opensAt, LocalTime closesAt) {

  public OffsetDateTime opening(ZoneId zone) {
    return FairTimes.at(day, opensAt, zone);
  }

  public OffsetDateTime closing(ZoneId zone) {
    return FairTimes.at(day, closesAt, zone);
  }

  /** "jeudi 18 mars 2027", as people read a date in {@code locale}. */
  public String label(Locale locale) {
    return FairTimes.dayLabel(day, locale);
  }

  /** Whether the period lies entirely within this day's opening hours. */
  public boolean contains(Interval period, ZoneId zone) {
    return !period.start().isBefore(opening(zone)) && !period.end().isAfter(closing(zone));
  }
}
