package fr.parcours.fair;

import java.time.OffsetDateTime;

/** A period between two instants, start included, end excluded. */
public record Interval(OffsetDateTime start, OffsetDateTime end) {

  public boolean isEmptyOrReversed() {
    return !end.isAfter(start);
  }

  /** Whether the two share a moment (touching ends do not: one may start as the other ends). */
  public boolean overlaps(Interval other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public boolean contains(Interval other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }
}
