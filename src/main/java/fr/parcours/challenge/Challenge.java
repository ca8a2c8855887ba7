package fr.parcours.challenge;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored challenge with its presentation slots. */
record Challenge(long id, long fairId, String title, String description, String zone, String spot, List<Slot> slots) {

  /** A presentation slot; {@code taken} counts classes or pupils, its unit, and never passes capacity. */
  record Slot(long id, long challengeId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, String unit,
              int taken) {

    static final String CLASSES = "classes";

    /** The places a class takes here: one in a slot counted in classes, its pupils otherwise. */
    int placesFor(int pupils) {
      return CLASSES.equals(unit) ? 1 : pupils;
    }
  }

  /** A class booking's pick: which challenge and slot, and the places it takes there. */
  record Pick(long challengeId, String title, Slot slot, int places) {
  }

  /** The booking a teacher picks for, read under its row lock, with its window on its day. */
  record BookingRef(long id, long fairId, String status, int pupils, OffsetDateTime from, OffsetDateTime to) {

    boolean confirmed() {
      return "confirmed".equals(status);
    }

    /** The class presents while it is at the fair: between its arrival and its departure. */
    boolean present(Slot slot) {
      return !slot.startsAt().isBefore(from) && !slot.endsAt().isAfter(to);
    }
  }
}
