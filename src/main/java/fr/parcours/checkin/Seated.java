package fr.parcours.checkin;

import java.time.OffsetDateTime;

/** A class holding a place in one session, with the headcount its room's staff marked there (null until marked). */
public record Seated(Arrival arrival, OffsetDateTime markedAt, Integer pupils, Integer adults) {

  public boolean marked() {
    return markedAt != null;
  }

  /** What the room's staff are offered to mark: the headcount checked in at the entrance, else the booked one. */
  public int pupilsLikely() {
    return marked() ? pupils : arrival.checkedIn() ? arrival.pupils() : arrival.pupilsBooked();
  }

  public int adultsLikely() {
    return marked() ? adults : arrival.checkedIn() ? arrival.adults() : arrival.adultsBooked();
  }
}
