package fr.parcours.fair;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A part of a fair day a bus comes for, or a stand is held for: the whole day, its morning or
 * its afternoon. The day splits at 12:30 local time, when the fair is open on both sides of it;
 * a day that is not (it opens at 13:00, or closes at noon) splits at the middle of its hours.
 */
public enum DayPart {
  DAY, MORNING, AFTERNOON;

  static final LocalTime SPLIT = LocalTime.of(12, 30);

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** When the part starts and ends on {@code day}, in the fair's zone. */
  public Interval on(FairDay day, ZoneId zone) {
    LocalTime split = split(day);
    LocalTime start = this == AFTERNOON ? split : day.opensAt();
    LocalTime end = this == MORNING ? split : day.closesAt();
    return new Interval(FairTimes.at(day.day(), start, zone), FairTimes.at(day.day(), end, zone));
  }

  public static LocalTime split(FairDay day) {
    if (day.opensAt().isBefore(SPLIT) && day.closesAt().isAfter(SPLIT)) {
      return SPLIT;
    }
    Duration open = Duration.between(day.opensAt(), day.closesAt());
    return day.opensAt().plus(open.dividedBy(2));
  }
}
