package fr.parcours.allocation;

import fr.parcours.booking.Route;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An allocation's outcome: the seed and the draw it made, the classes placed in the order they
 * were placed, and the others with why.
 */
public record Allocation(long seed, List<Draw.Ticket> draw, List<Placed> placed, List<Unplaced> unplaced) {

  /**
   * A placed request: its school's {@code round}-th class, on {@code trackId} (its {@code choice}-th
   * choice, 0 for "any other"), the route it takes inside its {@code window}-th bus window (0 for
   * the first), and the share whose phase placed it ({@code null}: the phase open to everyone).
   */
  public record Placed(long requestId, String school, int round, long trackId, int choice, int window, Route route,
                       int pupils, Share share) {

    /** A class placed in the phase open to everyone. */
    public Placed(long requestId, String school, int round, long trackId, int choice, int window, Route route,
                  int pupils) {
      this(requestId, school, round, trackId, choice, window, route, pupils, null);
    }
  }

  /** A request left out, with the reason's code. */
  public record Unplaced(long requestId, String school, Reason reason) {
  }

  /** Why a request was not placed; each is a catalogue code. */
  public enum Reason {
    /** Routes existed for it, but other classes took their places first. */
    ALLOCATION_FULL,
    /** Its school's caps allowed none of its tracks any more. */
    SCHOOL_CAP_REACHED,
    /** No track it accepts could ever host it in its windows, even empty. */
    ALLOCATION_NEVER_FITS,
    /** Fewer adults than the fair's supervision ratio requires. */
    TOO_FEW_ADULTS
  }

  public Allocation {
    draw = List.copyOf(draw);
    placed = List.copyOf(placed);
    unplaced = List.copyOf(unplaced);
  }

  public int pupilsPlaced() {
    return placed.stream().mapToInt(Placed::pupils).sum();
  }

  public long firstChoices() {
    return placed.stream().filter(p -> p.choice() == 1).count();
  }

  /** Schools that asked and got no class at all. */
  public Set<String> schoolsWithNone() {
    Set<String> served = placed.stream().map(Placed::school).collect(Collectors.toSet());
    return draw.stream().map(Draw.Ticket::school).filter(school -> !served.contains(school))
        .collect(Collectors.toSet());
  }
}
