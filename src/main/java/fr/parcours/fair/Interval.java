package fr.parcours.fair;

import java.time.OffsetDateTime;

/** A period between two instants, start included, end excluded. */
public record Interval(OffsetDateTime start, OffsetDateTime end) {

  /** Periods that only touch (one ends when the next starts) do not overlap. */
  public boolean overlaps(Interval other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public boolean isEmptyOrReversed() {
    return !end.isAfter(start);
  }
}
