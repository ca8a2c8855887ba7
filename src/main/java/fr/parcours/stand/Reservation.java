package fr.parcours.stand;

import java.time.LocalDate;

/**
 * A stored stand reservation: the association, the day and period, its status, the spot it
 * holds when confirmed, and what it asked for (to wait for). {@code waitlistPosition} is set
 * while it waits: its rank in the fair's queue, first come first served.
 */
record Reservation(long id, long fairId, Association association, LocalDate day, StandPeriod period, String status,
                   Spot spot, SpotWish wish, String wantedSpot, String wantedZone, Integer waitlistPosition) {

  static final String CONFIRMED = "confirmed";
  static final String WAITING = "waiting";
  static final String CANCELLED = "cancelled";

  /** Who reserved: shown by name on the public map, written to at its contact address in its language. */
  record Association(long id, long fairId, String slug, String name, String email, String language) {
  }

  boolean is(String state) {
    return status.equals(state);
  }
}
