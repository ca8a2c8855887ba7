package fr.parcours.allocation;

import fr.parcours.fair.Interval;

import java.util.List;

/**
 * One class's request as the allocator reads it: its school (UAI), headcounts, the bus windows
 * it accepts (preferred first), its ranked track choices (track ids) and whether any other track
 * will do; then what the fair's shares look at: the class's level, whether its school is in
 * priority education (REP/REP+) and whether it is new to the fair. When it was filed is
 * deliberately absent: the first second and the last hour are equal.
 */
public record ClassRequest(long id, String school, int pupils, int adults, List<Interval> windows,
                           List<Long> choices, boolean anyOther, String level, boolean priorityEducation,
                           boolean firstTime) {

  public ClassRequest {
    windows = List.copyOf(windows);
    choices = List.copyOf(choices);
    level = level == null ? "" : level;
  }

  /** A request no share looks at: no level, not priority education, not new. */
  public ClassRequest(long id, String school, int pupils, int adults, List<Interval> windows, List<Long> choices,
                      boolean anyOther) {
    this(id, school, pupils, adults, windows, choices, anyOther, "", false, false);
  }

  /** Pupils and adults: capacity counts people. */
  public int people() {
    return pupils + adults;
  }
}
