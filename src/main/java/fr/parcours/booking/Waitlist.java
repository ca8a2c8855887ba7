package fr.parcours.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a track's waiting list when places free up: entries are tried strictly in request
 * order, each taking its route before the next one is tried; an entry that still does not
 * fit is skipped (it keeps its rank), so a smaller class behind it may go first.
 */
public final class Waitlist {

  /** A waiting booking and what its route needs. */
  public record Entry(long bookingId, Need need) {
  }

  /** A waiting booking that now gets {@code route}. */
  public record Promotion(long bookingId, Route route) {
  }

  private Waitlist() {
  }

  public static List<Promotion> promote(Timetable timetable, List<Entry> queue) {
    List<Promotion> promoted = new ArrayList<>();
    Timetable current = timetable;
    for (Entry entry : queue) {
      int left = current.placesLeft();
      if (left == 0) {
        break;
      }
      // Runs under the track lock, on the event loop: a cheap count spares most searches.
      if (left < entry.need().people()) {
        continue;
      }
      Optional<Route> route = RouteFinder.find(current, entry.need());
      if (route.isPresent()) {
        current = current.reserve(route.get(), entry.need().people());
        promoted.add(new Promotion(entry.bookingId(), route.get()));
      }
    }
    return promoted;
  }
}
