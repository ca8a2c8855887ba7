package fr.parcours.stand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which spot a reservation gets, and who leaves the waiting list when spots free up: pure
 * functions over the spots and the reservations holding them, run under the fair's stand lock.
 */
final class StandPlanner {

  /** A confirmed reservation's hold on a spot for a period of a day. */
  record Hold(long reservationId, long spotId, LocalDate day, StandPeriod period) {

    boolean blocks(long spot, LocalDate onDay, StandPeriod wanted) {
      return spotId == spot && day.equals(onDay) && period.overlaps(wanted);
    }
  }

  /** A waiting reservation: what it wants, and when. */
  record Waiting(long reservationId, LocalDate day, StandPeriod period, SpotWish wish) {
  }

  /** A waiting reservation that now gets a spot. */
  record Promotion(Waiting waiting, Spot spot) {
  }

  /**
   * Smallest spots first, so a large one stays for the association that needs it; by number
   * among equals, so the choice is the same on every run.
   */
  private static final Comparator<Spot> PREFERENCE = Comparator.comparingDouble(Spot::area)
      .thenComparing(Spot::number);

  private StandPlanner() {
  }

  /** The spot the wish gets for that period, if one that fits is free. */
  static Optional<Spot> pick(List<Spot> spots, List<Hold> holds, LocalDate day, StandPeriod period, SpotWish wish) {
    return spots.stream()
        .filter(wish::fits)
        .filter(spot -> holds.stream().noneMatch(hold -> hold.blocks(spot.id(), day, period)))
        .min(PREFERENCE);
  }

  /** Whether any spot of the fair could ever meet the wish (else waiting would be forever). */
  static boolean possible(List<Spot> spots, SpotWish wish) {
    return spots.stream().anyMatch(wish::fits);
  }

  /**
   * Gives free spots to waiting reservations in request order; one that fits nothing does not
   * stop the ones behind it, which may want another period or smaller spots.
   */
  static List<Promotion> promote(List<Spot> spots, List<Hold> holds, List<Waiting> queue) {
    List<Hold> taken = new ArrayList<>(holds);
    List<Promotion> promotions = new ArrayList<>();
    for (Waiting waiting : queue) {
      pick(spots, taken, waiting.day(), waiting.period(), waiting.wish()).ifPresent(spot -> {
        taken.add(new Hold(waiting.reservationId(), spot.id(), waiting.day(), waiting.period()));
        promotions.add(new Promotion(waiting, spot));
      });
    }
    return promotions;
  }
}
