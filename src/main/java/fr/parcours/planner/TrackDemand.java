package fr.parcours.planner;

import fr.parcours.booking.ClassCapacity;
import fr.parcours.booking.SessionSlot;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A track's demand against its sessions: the classes each window expects that find no whole
 * route ({@link ClassCapacity}), and, lighter, the class places each activity lacks in each
 * window, which guides the search while no route is complete yet.
 * Counting routes is the costly part of a move's score, and the solver scores the programme it
 * starts from again after undoing each move it tried: the last penalties are kept per exact
 * input (track, activities, and where each session is), sessions read in id order so the same
 * programme is always the same input.
 */
final class TrackDemand {

  private static final int REMEMBERED = 4096;
  private static final Map<Key, Long> PENALTIES = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** Everything the penalty reads: the same key, the same penalty, whichever plan asks. */
  private record Key(TrackNeed track, List<String> activities, List<Where> placed) {
  }

  private record Where(long id, String activity, String room, int capacity, OffsetDateTime start, OffsetDateTime end) {
  }

  private TrackDemand() {
  }

  /** The medium penalty of a track given all its possible sessions (placed or not). */
  static long shortfall(TrackNeed track, List<PlannedSession> possible) {
    List<PlannedSession> placed = possible.stream().filter(PlannedSession::assigned)
        .sorted(Comparator.comparingLong(PlannedSession::id)).toList();
    List<String> activities = possible.stream().map(s -> s.activity().key()).distinct().sorted().toList();
    Key key = new Key(track, activities, placed.stream().map(s -> new Where(s.id(), s.activity().key(),
        s.room().slug(), s.room().capacity(), s.start(), s.end())).toList());
    Long known = PENALTIES.get(key);
    if (known != null) {
      return known;
    }
    long penalty = penalty(track, activities, placed);
    PENALTIES.put(key, penalty);
    return penalty;
  }

  private static long penalty(TrackNeed track, List<String> activities, List<PlannedSession> placed) {
    int[] hosted = hosted(track, activities, placed, targets(track));
    long penalty = 0;
    for (int w = 0; w < hosted.length; w++) {
      TrackNeed.Window window = track.windows().get(w);
      penalty += (long) PlanConstraints.CLASS_WEIGHT * Math.max(0, window.target() - hosted[w]);
      for (String activity : activities) {
        penalty += Math.max(0, window.target() - places(track, placed, activity, window));
      }
    }
    return penalty;
  }

  /** Classes hosted per window of the track, each window counted up to its limit. */
  static int[] hosted(TrackNeed track, List<String> activities, List<PlannedSession> placed, int[] limits) {
    List<ClassCapacity.Window> windows = track.windows().stream()
        .map(window -> new ClassCapacity.Window(window.period(), Math.max(window.target(), 1))).toList();
    return ClassCapacity.perWindow(activities, slots(placed), track.classSize(), track.changeoverMinutes(),
        windows, limits);
  }

  static int[] targets(TrackNeed track) {
    return track.windows().stream().mapToInt(TrackNeed.Window::target).toArray();
  }

  /** Placed sessions as the route finder reads a timetable: nobody booked yet, the room's seats. */
  static List<SessionSlot> slots(List<PlannedSession> placed) {
    return placed.stream().map(s -> new SessionSlot(s.id(), s.activity().key(), s.activity().title(), s.room().slug(),
        s.start(), s.end(), s.room().capacity(), 0)).toList();
  }

  /** Classes the activity's sessions inside the window seat, one class per usual class size. */
  private static int places(TrackNeed track, List<PlannedSession> placed, String activity, TrackNeed.Window window) {
    return placed.stream().filter(s -> s.activity().key().equals(activity) && window.period().contains(s.period()))
        .mapToInt(s -> s.room().classes(track.classSize())).sum();
  }
}
