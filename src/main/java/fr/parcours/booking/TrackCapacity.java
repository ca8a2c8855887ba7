package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.fair.DayPart;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * How many more classes a track can host in each part of the day, counted as whole routes a
 * class of the track's usual size could really take now ({@link ClassCapacity}, the booking
 * form's own rule, over the sessions as booked), and the places left there. Each part is
 * counted on its own: "if every next class came in the morning". Days add up.
 */
public record TrackCapacity(String track, String name, List<Part> parts) {

  /** The parts a teacher picks from, in the order the form shows them. */
  public static final List<DayPart> PARTS = List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.DAY);

  /** One part: classes in whole routes, places (the scarcest activity's) in its sessions, whether it has any. */
  public record Part(DayPart part, int classes, int places, boolean planned) {
  }

  static TrackCapacity of(Fair fair, TrackRef track, Timetable timetable) {
    return new TrackCapacity(track.slug(), track.name(),
        PARTS.stream().map(part -> part(fair, timetable, track.classSize(), part)).toList());
  }

  /** Every track's, in the fair's track order; a track without sessions hosts none. */
  static List<TrackCapacity> all(Fair fair, List<TrackRef> tracks, Map<Long, Timetable> timetables) {
    return tracks.stream().map(track -> of(fair, track, timetables.getOrDefault(track.id(), new Timetable(List.of()))))
        .toList();
  }

  private static Part part(Fair fair, Timetable timetable, int classSize, DayPart part) {
    List<Interval> periods = fair.days().stream().map(day -> part.on(day, fair.zone())).toList();
    List<String> activities = timetable.activities();
    int classes = periods.stream().mapToInt(period -> ClassCapacity.perWindow(activities, timetable.sessions(),
        classSize, fair.changeoverMinutes(), List.of(new ClassCapacity.Window(period, 1)), ClassCapacity.unlimited(1))[0])
        .sum();
    boolean planned = timetable.sessions().stream().anyMatch(s -> inside(periods, s));
    return new Part(part, classes, timetable.placesLeft(s -> inside(periods, s)), planned);
  }

  private static boolean inside(List<Interval> periods, SessionSlot session) {
    Interval shown = new Interval(session.startsAt(), session.endsAt());
    return periods.stream().anyMatch(period -> period.contains(shown));
  }

  public Part of(DayPart part) {
    return parts.stream().filter(p -> p.part() == part).findFirst().orElseThrow();
  }

  /** Whether {@code after} hosts fewer classes, or fewer people, than this in some part. */
  public boolean lowered(TrackCapacity after) {
    return parts.stream().anyMatch(p -> after.of(p.part()).classes() < p.classes()
        || after.of(p.part()).places() < p.places());
  }

  /** {@code {"morning": 3, "afternoon": 0, "day": 4}}: classes per part. */
  public JsonObject classesJson() {
    JsonObject json = new JsonObject();
    parts.forEach(p -> json.put(p.part().json(), p.classes()));
    return json;
  }
}
