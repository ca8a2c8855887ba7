package fr.parcours.allocation;

import fr.parcours.fair.Interval;

import java.util.List;

/**
 * One class's request as the allocator reads it: its school (UAI), headcounts, the bus windows
 * it accepts (preferred first), its ranked track choices (track ids) and whether any other track
 * will do. When it was filed is deliberately absent: the first second and the last hour are equal.
 */
public record ClassRequest(long id, String school, int pupils, int adults, List<Interval> windows,
                           List<Long> choices, boolean anyOther) {

  public ClassRequest {
    windows = List.copyOf(windows);
    choices = List.copyOf(choices);
  }

  /** Pupils and adults: capacity counts people. */
  public int people() {
    return pupils + adults;
  }
}
