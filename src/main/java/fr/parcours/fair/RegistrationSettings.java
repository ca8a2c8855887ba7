package fr.parcours.fair;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How a fair takes its classes: first come (bookings while registration is open) or requests
 * between {@code requestsOpen} and {@code requestsClose}, then one allocation at
 * {@code allocationAt} (#17). {@code offerHours}, in both modes: a promotion from the waiting list
 * is an offer the class must take within that many hours (null: promoted at once).
 */
public record RegistrationSettings(String mode, OffsetDateTime requestsOpen, OffsetDateTime requestsClose,
                                   OffsetDateTime allocationAt, Integer offerHours) {

  public static final String FIRST_COME = "first_come";
  public static final String ALLOCATION = "allocation";
  public static final List<String> MODES = List.of(FIRST_COME, ALLOCATION);
  /** The schema's bound (fairs.offer_hours): a month. */
  public static final int MAX_OFFER_HOURS = 720;

  public static final RegistrationSettings FIRST_COME_ONLY = new RegistrationSettings(FIRST_COME, null, null, null, null);

  public boolean allocation() {
    return ALLOCATION.equals(mode);
  }

  /** Whether a request may be filed, changed or withdrawn at {@code now}: allocation mode, inside its window. */
  public boolean requestsOpenAt(Instant now) {
    return allocation() && !now.isBefore(requestsOpen.toInstant()) && now.isBefore(requestsClose.toInstant());
  }
}
