package fr.parcours.fair;

import java.time.OffsetDateTime;

/** A period between two instants, start included, end excluded. */
public record Interval(OffsetDateTime start, OffsetDateTime end) {

  public boolean isEmptyOrReversed() {
    return !end.isAfter(start);
  }
}
