package fr.parcours.booking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waiting list, replayed entry by entry: each entry, at its turn and with the places the
 * entries before it took, is promoted exactly when a route exists for it then.
 */
class WaitlistProperties {

  @Property
  void eachEntryIsPromotedAtItsTurnExactlyWhenARouteThenExists(@ForAll("timetables") Timetable timetable,
                                                                 @ForAll("queues") List<Waitlist.Entry> queue) {
    Map<Long, Route> promoted = Waitlist.promote(timetable, queue).stream()
        .collect(Collectors.toMap(Waitlist.Promotion::bookingId, Waitlist.Promotion::route));
    Timetable current = timetable;
    for (Waitlist.Entry entry : queue) {
      boolean fits = !RouteFinderProperties.allRoutes(current, entry.need()).isEmpty();
      assertEquals(fits, promoted.containsKey(entry.bookingId()), "entry " + entry.bookingId() + " at its turn");
      if (fits) {
        Route route = promoted.get(entry.bookingId());
        assertTrue(RouteFinderProperties.takeable(current, route.sessions(), entry.need()), route.toString());
        current = current.reserve(route, entry.need().people());
      }
    }
    assertTrue(current.sessions().stream().allMatch(s -> s.booked() <= s.capacity()), "no session overbooked");
  }

  @Property
  void promotionsComeInRequestOrder(@ForAll("timetables") Timetable timetable,
                                    @ForAll("queues") List<Waitlist.Entry> queue) {
    List<Long> order = Waitlist.promote(timetable, queue).stream().map(Waitlist.Promotion::bookingId).toList();
    assertEquals(order.stream().sorted().toList(), order, "booking ids grow with the rank in the queue");
  }

  @Provide
  Arbitrary<Timetable> timetables() {
    return RouteFinderProperties.timetables();
  }

  @Provide
  Arbitrary<List<Waitlist.Entry>> queues() {
    return RouteFinderProperties.needs().list().ofMaxSize(6)
        .map(needs -> IntStream.range(0, needs.size()).mapToObj(i -> new Waitlist.Entry(100 + i, needs.get(i))).toList());
  }
}
