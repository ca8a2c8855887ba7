package fr.parcours.stand;

import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What a stand is reserved for on a fair day: the whole day, its morning or its afternoon.
 * The day splits at 12:30 local time, when the fair is open on both sides of it; a day that is
 * not (it opens at 13:00, or closes at noon) splits at the middle of its opening hours.
 */
public enum StandPeriod {
  DAY, MORNING, AFTERNOON;

  static final LocalTime SPLIT = LocalTime.of(12, 30);
  static final List<String> NAMES = List.of("day", "morning", "afternoon");
  /** The two halves the public map shows a spot's state for. */
  static final List<StandPeriod> HALVES = List.of(MORNING, AFTERNOON);

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static StandPeriod of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Whether one spot could not hold both: a whole day overlaps each of its halves. */
  boolean overlaps(StandPeriod other) {
    return this == DAY || other == DAY || this == other;
  }

  /** When the period starts and ends on {@code day}, in the fair's zone. */
  public Interval on(FairDay day, ZoneId zone) {
    LocalTime split = split(day);
    LocalTime start = this == AFTERNOON ? split : day.opensAt();
    LocalTime end = this == MORNING ? split : day.closesAt();
    return new Interval(FairTimes.at(day.day(), start, zone), FairTimes.at(day.day(), end, zone));
  }

  static LocalTime split(FairDay day) {
    if (day.opensAt().isBefore(SPLIT) && day.closesAt().isAfter(SPLIT)) {
      return SPLIT;
    }
    Duration open = Duration.between(day.opensAt(), day.closesAt());
    return day.opensAt().plus(open.dividedBy(2));
  }
}
