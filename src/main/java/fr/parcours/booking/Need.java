package fr.parcours.booking;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;

import java.time.OffsetDateTime;

/** What a class needs from a route: a window on the day, a headcount, the fair's changeover. */
public record Need(OffsetDateTime from, OffsetDateTime to, int people, int changeoverMinutes) {

  /** The class's window on its day, as instants of the fair's zone, with the fair's changeover. */
  static Need of(Fair fair, BookingRequest request) {
    return new Need(FairTimes.at(request.day(), request.arrival(), fair.zone()),
        FairTimes.at(request.day(), request.departure(), fair.zone()), request.people(), fair.changeoverMinutes());
  }

  boolean admits(SessionSlot session) {
    return !session.startsAt().isBefore(from) && !session.endsAt().isAfter(to) && session.left() >= people;
  }

  Need withPeople(int count) {
    return new Need(from, to, count, changeoverMinutes);
  }
}
