package fr.parcours.booking;

import java.time.OffsetDateTime;

/**
 * A class's challenge pick as its booking shows it: which challenge, the slot it presents in
 * and the places it takes there. Held by the challenge feature ({@link BookingExtras}).
 */
public record ChallengePick(long challengeId, String title, Slot slot, int places) {

  /** The presentation slot; {@code taken} counts classes or pupils, in its {@code unit}. */
  public record Slot(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, String unit, int taken) {
  }
}
