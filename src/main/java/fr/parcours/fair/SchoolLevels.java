package fr.parcours.fair;

import java.util.List;

/** The school levels a fair receives classes of, as French schools name them: the one list pages offer. */
public final class SchoolLevels {

  /** From collège's 4e to lycée's Terminale, in order. */
  public static final List<String> ALL = List.of("4e", "3e", "2nde", "1re", "Terminale");

  private SchoolLevels() {
  }
}
