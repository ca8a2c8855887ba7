package fr.parcours.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The classes that did not come: due on {@code day} before the cut-off and still not checked
 * in at the entrance. A class whose bus was announced late is due at its new time.
 */
public record NoShows(LocalDate day, LocalTime cutoff, List<Arrival> classes) {

  public NoShows {
    classes = List.copyOf(classes);
  }

  static NoShows at(List<Arrival> arrivals, LocalDate day, LocalTime cutoff) {
    return new NoShows(day, cutoff, arrivals.stream()
        .filter(a -> a.day().equals(day) && a.arrival().isBefore(cutoff) && !a.checkedIn()).toList());
  }

  public int pupils() {
    return classes.stream().mapToInt(Arrival::pupilsBooked).sum();
  }

  public int people() {
    return classes.stream().mapToInt(a -> a.pupilsBooked() + a.adultsBooked()).sum();
  }

  public boolean holds(long bookingId) {
    return classes.stream().anyMatch(a -> a.bookingId() == bookingId);
  }
}
