package fr.parcours.checkin;

import fr.parcours.fair.Fair;

import java.util.List;

/** The entrance's list with the fair it is of, so that a page showing both checks the role once. */
public record Entrance(Fair fair, List<Arrival> arrivals) {

  public Entrance {
    arrivals = List.copyOf(arrivals);
  }
}
