package fr.parcours.allocation;

import fr.parcours.booking.BookingRules;
import fr.parcours.booking.Timetable;

import java.util.List;

/**
 * What the fair offers the allocation: its tracks in the fair's order with their timetables as
 * booked so far, its booking rules (school caps, supervision) and its changeover.
 */
public record Supply(List<Track> tracks, BookingRules rules, int changeoverMinutes) {

  /** A track and the sessions its routes are chosen from. */
  public record Track(long id, Timetable timetable) {
  }

  public Supply {
    tracks = List.copyOf(tracks);
  }
}
