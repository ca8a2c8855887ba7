package fr.parcours.fair;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member of a fair's team may do, in increasing order: staff read the fair and check
 * classes in on the day, editors also change it, owners also manage the team.
 */
public enum FairRole {
  STAFF, EDITOR, OWNER;

  /** Whether this role may do what {@code needed} may. */
  public boolean allows(FairRole needed) {
    return compareTo(needed) >= 0;
  }

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FairRole> of(String json) {
    return Arrays.stream(values()).filter(role -> role.json().equals(json)).findFirst();
  }
}
