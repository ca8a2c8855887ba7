package fr.parcours.fair;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How a fair takes its classes: first come (bookings while registration is open) or requests
 * between {@code requestsOpen} and {@code requestsClose}, then one allocation at
 * {@code allocationAt} (#17). {@code offerHours}, in both modes: a promotion from the waiting list
 * is an offer the class must take within that many hours (null: promoted at once).
 * {@code allocationPublishedAt} is read, never written here: when the fair's allocation was
 * published (null before), from which first come takes what is left.
 */
public record RegistrationSettings(String mode, OffsetDateTime requestsOpen, OffsetDateTime requestsClose,
                                   OffsetDateTime allocationAt, Integer offerHours, OffsetDateTime allocationPublishedAt) {

  public static final String FIRST_COME = "first_come";
  public static final String ALLOCATION = "allocation";
  public static final List<String> MODES = List.of(FIRST_COME, ALLOCATION);
  /** The schema's bound (fairs.offer_hours): a month. */
  public static final int MAX_OFFER_HOURS = 720;

  public static final RegistrationSettings FIRST_COME_ONLY = new RegistrationSettings(FIRST_COME, null, null, null, null, null);

  public boolean allocation() {
    return ALLOCATION.equals(mode);
  }

  /** Whether bookings may be taken at all: always first come; in allocation mode once it is published. */
  public boolean bookingsTaken() {
    return !allocation() || allocationPublishedAt != null;
  }

  /** The same settings of a fair whose allocation was published at {@code publishedAt} (null: not yet). */
  public RegistrationSettings publishedAt(OffsetDateTime publishedAt) {
    return new RegistrationSettings(mode, requestsOpen, requestsClose, allocationAt, offerHours, publishedAt);
  }

  /** Whether a request may be filed, changed or withdrawn at {@code now}: allocation mode, inside its window. */
  public boolean requestsOpenAt(Instant now) {
    return allocation() && !now.isBefore(requestsOpen.toInstant()) && now.isBefore(requestsClose.toInstant());
  }
}
