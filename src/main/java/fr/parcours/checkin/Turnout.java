package fr.parcours.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in one session, from what the day has told so far. Each class holding a place there
 * counts, best known first: the headcount room staff marked in the session, else the headcount
 * checked in at the entrance (a class in the building follows its route), else nobody present
 * and its booked people still expected. So a class checked in with 24 of its 26 pupils and its
 * 2 adults counts 26 present and 26 expected in every session of its route, of 28 booked.
 */
public record Turnout(long sessionId, int classes, int booked, int expected, int present, int classesPresent,
                      int marked, int classesMarked) {

  /** One class's place in one session, with what the day knows of it (null: not told yet). */
  record Seat(long sessionId, long bookingId, int people, Integer checkedIn, Integer marked) {

    int present() {
      return marked != null ? marked : checkedIn != null ? checkedIn : 0;
    }

    int expected() {
      return marked != null || checkedIn != null ? present() : people;
    }
  }

  public static final Turnout NONE = new Turnout(0, 0, 0, 0, 0, 0, 0, 0);

  /** The turnout of every session some class holds a place in, by session id. */
  static Map<Long, Turnout> of(List<Seat> seats) {
    Map<Long, Turnout> bySession = new LinkedHashMap<>();
    for (Seat seat : seats) {
      bySession.merge(seat.sessionId(), one(seat), Turnout::plus);
    }
    return bySession;
  }

  private static Turnout one(Seat seat) {
    boolean present = seat.marked() != null || seat.checkedIn() != null;
    return new Turnout(seat.sessionId(), 1, seat.people(), seat.expected(), seat.present(), present ? 1 : 0,
        seat.marked() == null ? 0 : seat.marked(), seat.marked() == null ? 0 : 1);
  }

  private Turnout plus(Turnout other) {
    return new Turnout(sessionId, classes + other.classes, booked + other.booked, expected + other.expected,
        present + other.present, classesPresent + other.classesPresent, marked + other.marked,
        classesMarked + other.classesMarked);
  }

  /** The turnouts of several sessions (a room's at one slot) added up. */
  public static Turnout sum(List<Turnout> turnouts) {
    return turnouts.stream().reduce(NONE, Turnout::plus);
  }
}
