package fr.parcours.allocation;

import fr.parcours.booking.RouteFinder;

import java.util.Comparator;
import java.util.List;

/**
 * Places requested classes as whole routes (the booking form's {@link RouteFinder}, all or
 * nothing, under every session's capacity and the school caps), in rounds: in round k each
 * school, in draw order, may get its k-th class; a school that gets none in a round can place
 * nothing more (places only ever shrink), so no school gets a second class while another that
 * asked could still get a first. Inside a round, first choices are tried for every school before
 * second ones, and so on, "any other" track last; a school tries its smaller classes first:
 * rooms pack better (bench/AllocationBench: larger first placed about 6% fewer pupils).
 * <p>
 * Shares come first, each in a phase of its own: only its group's classes, at most its percent of
 * each track's places, the same rounds inside; then everyone, with what is left.
 * <p>
 * A school stuck in its turn may have one placed class moved to another of its routes to make
 * room; at the end, a placed class gives its sessions to a larger class of its school that fits
 * there (rooms that hold one class whatever its size are then better used). Such changes can,
 * rarely, leave a stuck school room in the replayed order; the outcome is
 * therefore checked against the round rule ({@link Fairness}) and computed again without them
 * when it fails. It is a heuristic, not an optimum, and a pure function of the supply, the
 * requests, the shares and the seed.
 */
public final class Allocator {

  private Allocator() {
  }

  public static Allocation allocate(Supply supply, List<ClassRequest> requests, long seed) {
    return allocate(supply, requests, List.of(), seed);
  }

  public static Allocation allocate(Supply supply, List<ClassRequest> requests, List<Share> shares, long seed) {
    List<Share> phases = phases(supply, shares);
    Rounds rounds = new Rounds(supply, requests, seed, true).run(phases);
    Allocation moved = rounds.allocation(phases);
    Allocation upgraded = rounds.upgrade().allocation(phases);
    for (Allocation candidate : List.of(upgraded, moved)) {
      if (Fairness.holds(supply, requests, candidate)) {
        return candidate;
      }
    }
    return new Rounds(supply, requests, seed, false).run(phases).allocation(phases);
  }

  /** Shares in a fixed order, whatever order the organiser saved them in: kind, then the fair's levels. */
  static List<Share> phases(Supply supply, List<Share> shares) {
    List<String> levels = supply.rules().levels();
    return shares.stream().distinct().sorted(Comparator.comparing(Share::kind)
            .thenComparingInt(share -> share.level() == null || !levels.contains(share.level())
                ? levels.size() : levels.indexOf(share.level()))
            .thenComparing(share -> share.level() == null ? "" : share.level())
            .thenComparingInt(Share::percent))
        .toList();
  }
}
