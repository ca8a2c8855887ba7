package fr.parcours.booking;

import java.time.OffsetDateTime;

/**
 * A stored booking with its route (empty unless confirmed), rank in the waiting list, and who
 * came on the day (null until the class is checked in); {@code language} is the one its
 * teacher is written to in. {@code offeredUntil}: a place given from the waiting list that the
 * class must accept before then, else it passes to the next class (null: nothing to accept). {@code token} manages the booking; {@code feedToken} only reads
 * its calendar feed, so a shared or synced feed URL can change nothing.
 */
public record Booking(long id, long fairId, long trackId, String trackName, String token, String feedToken,
                      String status, Integer waitlistPosition, BookingRequest request, String language, Route route,
                      Presence presence, OffsetDateTime offeredUntil) {

  /** The headcount that came, checked in at the entrance. */
  public record Presence(OffsetDateTime checkedInAt, int pupils, int adults) {
  }

  public static final String CONFIRMED = "confirmed";
  public static final String WAITLISTED = "waitlisted";
  public static final String CANCELLED = "cancelled";

  public boolean is(String wanted) {
    return status.equals(wanted);
  }

  Booking withRoute(Route newRoute) {
    return new Booking(id, fairId, trackId, trackName, token, feedToken, status, waitlistPosition, request, language,
        newRoute, presence, offeredUntil);
  }
}
