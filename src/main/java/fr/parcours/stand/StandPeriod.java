package fr.parcours.stand;

import fr.parcours.fair.DayPart;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.Interval;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** What a stand is reserved for on a fair day: the whole day, its morning or its afternoon ({@link DayPart}). */
public enum StandPeriod {
  DAY, MORNING, AFTERNOON;

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
    return DayPart.valueOf(name()).on(day, zone);
  }
}
