package fr.parcours.booking;

import fr.parcours.fair.Interval;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counting classes in whole routes: against the booking form's own RouteFinder, booking class after class. */
class ClassCapacityTest {

  private static final List<String> ACTIVITIES = List.of("talk", "testimony", "workshop");
  private static final OffsetDateTime NINE = OffsetDateTime.of(2027, 3, 18, 9, 0, 0, 0, ZoneOffset.ofHours(1));
  private static final Interval MORNING = new Interval(NINE, NINE.plusHours(3));
  private static final Interval AFTERNOON = new Interval(NINE.plusHours(4), NINE.plusHours(8));

  @Test
  void countsWhatTheRouteFinderWouldBookOneClassAfterAnother() {
    Random random = new Random(15);
    for (int round = 0; round < 200; round++) {
      List<SessionSlot> sessions = randomDay(random);
      List<ClassCapacity.Window> windows = List.of(new ClassCapacity.Window(MORNING, 1),
          new ClassCapacity.Window(AFTERNOON, 1));
      int[] counted = ClassCapacity.perWindow(ACTIVITIES, sessions, 30, 10, windows, ClassCapacity.unlimited(2));
      assertArrayEquals(byRouteFinder(sessions, windows), counted, "round " + round);
    }
  }

  @Test
  void aTrackMissingAnActivityHostsNoClass() {
    SessionSlot talk = slot(1, "talk", 0, 120);
    assertEquals(0, ClassCapacity.perWindow(ACTIVITIES, List.of(talk), 30, 10,
        List.of(new ClassCapacity.Window(MORNING, 1)), ClassCapacity.unlimited(1))[0]);
  }

  /** The reference: windows in turn as ClassCapacity takes them, each class booked through RouteFinder. */
  private static int[] byRouteFinder(List<SessionSlot> sessions, List<ClassCapacity.Window> windows) {
    Timetable timetable = new Timetable(sessions);
    int[] hosted = new int[windows.size()];
    boolean[] closed = new boolean[windows.size()];
    while (true) {
      int next = -1;
      for (int i = 0; i < windows.size(); i++) {
        if (!closed[i] && (next < 0 || hosted[i] < hosted[next])) {
          next = i;
        }
      }
      if (next < 0) {
        return hosted;
      }
      Interval period = windows.get(next).period();
      Optional<Route> route = RouteFinder.find(timetable, new Need(period.start(), period.end(), 30, 10));
      if (route.isEmpty()) {
        closed[next] = true;
      } else {
        timetable = timetable.reserve(route.get(), 30);
        hosted[next]++;
      }
    }
  }

  private static List<SessionSlot> randomDay(Random random) {
    List<SessionSlot> sessions = new ArrayList<>();
    for (int id = 1; id <= 4 + random.nextInt(14); id++) {
      sessions.add(slot(id, ACTIVITIES.get(id <= 3 ? id - 1 : random.nextInt(3)), random.nextInt(11), 36 + random.nextInt(4) * 40));
    }
    return sessions;
  }

  private static SessionSlot slot(long id, String activity, int slot, int capacity) {
    OffsetDateTime start = NINE.plusMinutes(40L * slot);
    return new SessionSlot(id, activity, activity, "room", start, start.plusMinutes(30), capacity, 0);
  }
}
