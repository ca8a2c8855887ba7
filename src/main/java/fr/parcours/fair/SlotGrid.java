package fr.parcours.fair;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Lays out a day's slot grid: slots of a fixed length with a changeover between them. */
public final class SlotGrid {

  private SlotGrid() {
  }

  /** The slots from {@code from} that end by {@code to}; a last slot that would run over is left out. */
  public static List<Interval> generate(FairDay day, LocalTime from, LocalTime to,
                                        int durationMinutes, int changeoverMinutes, ZoneId zone) {
    if (durationMinutes <= 0 || changeoverMinutes < 0) {
      throw new IllegalArgumentException("duration must be positive and changeover not negative");
    }
    List<Interval> slots = new ArrayList<>();
    LocalDateTime end = day.day().atTime(to);
    LocalDateTime start = day.day().atTime(from);
    while (!start.plusMinutes(durationMinutes).isAfter(end)) {
      slots.add(new Interval(FairTimes.at(day.day(), start.toLocalTime(), zone),
          FairTimes.at(day.day(), start.plusMinutes(durationMinutes).toLocalTime(), zone)));
      start = start.plusMinutes(durationMinutes + changeoverMinutes);
    }
    return slots;
  }
}
