package fr.parcours.booking;

import java.time.OffsetDateTime;

/** What a class needs from a route: a window on the day, a headcount, the fair's changeover. */
public record Need(OffsetDateTime from, OffsetDateTime to, int people, int changeoverMinutes) {

  boolean admits(SessionSlot session) {
    return !session.startsAt().isBefore(from) && !session.endsAt().isAfter(to) && session.left() >= people;
  }

  Need withPeople(int count) {
    return new Need(from, to, count, changeoverMinutes);
  }
}
