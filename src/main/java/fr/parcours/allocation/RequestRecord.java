package fr.parcours.allocation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored class request: what was asked (its day resolved), its ranked tracks by name, its
 * status ({@code requested}, {@code withdrawn}, or what a published allocation made of it:
 * {@code confirmed}, {@code waitlisted} with {@code bookingId}, {@code unplaced} with its reason).
 */
public record RequestRecord(long id, long fairId, String token, RequestInput input, List<String> choiceNames,
                            String status, String unplacedReason, Long bookingId, String language,
                            OffsetDateTime updatedAt) {

  public static final String REQUESTED = "requested";
  public static final String WITHDRAWN = "withdrawn";
  public static final String CONFIRMED = "confirmed";
  public static final String WAITLISTED = "waitlisted";
  public static final String UNPLACED = "unplaced";

  public RequestRecord {
    choiceNames = List.copyOf(choiceNames);
  }

  public boolean is(String wanted) {
    return wanted.equals(status);
  }
}
