package fr.parcours.i18n;

import java.time.LocalTime;

/** A stretch of one day's wall-clock time, said "9 h–12 h" or "9:00–12:00". */
public record Span(LocalTime from, LocalTime to) {

  @Override
  public String toString() {
    return from + "–" + to;
  }
}
