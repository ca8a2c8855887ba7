package fr.parcours.admin;

import fr.parcours.checkin.Turnout;
import fr.parcours.programme.Programme;
import fr.parcours.fair.resource.ShownSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The flows of the day: how many people are expected in each room and zone at each slot,
 * drawn as one strip of bars per place (small multiples on a shared time axis). Each strip is
 * scaled to the place's capacity, drawn as a dashed line, so a full room reads as a bar
 * touching the line, whatever its size; the peak is written at the end of the strip. On the
 * day, a darker bar inside each shows the people there (see {@link Turnout}): checked in, or
 * marked present in the session by its room's staff.
 */
public final class FlowChart {

  static final int STRIP_HEIGHT = 40;
  private static final int BAR_GAP = 6;
  private static final int PEAK_WIDTH = 110;

  private FlowChart() {
  }

  /** People expected in {@code place} during each column of {@code axis}: the sum booked in its sessions then. */
  static int[] series(TimeAxis axis, List<ShownSession> sessions, String place) {
    int[] people = new int[axis.starts().size()];
    sessions.stream().filter(s -> place.equals(s.place()))
        .forEach(s -> people[axis.column(s)] += s.booked());
    return people;
  }

  /** People present in {@code place} during each column: the sum of its sessions' turnouts. */
  static int[] present(TimeAxis axis, List<ShownSession> sessions, String place, Map<Long, Turnout> turnout) {
    int[] people = new int[axis.starts().size()];
    sessions.stream().filter(s -> place.equals(s.place()))
        .forEach(s -> people[axis.column(s)] += turnout.getOrDefault(s.id(), Turnout.NONE).present());
    return people;
  }

  public static JsonObject build(Programme programme) {
    return build(programme, Map.of());
  }

  public static JsonObject build(Programme programme, Map<Long, Turnout> turnout) {
    List<ShownSession> sessions = programme.sessions().stream().filter(s -> !s.cancelled()).toList();
    TimeAxis axis = TimeAxis.of(sessions);
    List<String> places = Stream.concat(programme.rooms().keySet().stream(), programme.zones().keySet().stream())
        .filter(place -> sessions.stream().anyMatch(s -> place.equals(s.place())))
        .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    JsonArray strips = new JsonArray();
    for (int i = 0; i < places.size(); i++) {
      String place = places.get(i);
      strips.add(strip(axis, series(axis, sessions, place), present(axis, sessions, place, turnout),
          programme.placeCapacity(place),
          TimeAxis.HEADER_HEIGHT + i * STRIP_HEIGHT).put("label", TimeAxis.shortLabel(programme.placeName(place)))
          .put("name", programme.placeName(place)));
    }
    return new JsonObject().put("width", axis.width() + PEAK_WIDTH)
        .put("height", TimeAxis.HEADER_HEIGHT + places.size() * STRIP_HEIGHT)
        .put("columns", axis.headers()).put("strips", strips).put("empty", places.isEmpty())
        .put("with_present", turnout.values().stream().anyMatch(t -> t.present() > 0));
  }

  private static JsonObject strip(TimeAxis axis, int[] people, int[] present, int capacity, int top) {
    int peak = 0;
    for (int p : people) {
      peak = Math.max(peak, p);
    }
    int scale = Math.max(Math.max(capacity, peak), 1);
    int base = top + STRIP_HEIGHT - 4;
    int room = STRIP_HEIGHT - 10;
    JsonArray bars = new JsonArray();
    for (int column = 0; column < people.length; column++) {
      int height = (int) Math.round((double) people[column] * room / scale);
      int here = (int) Math.round((double) Math.min(present[column], scale) * room / scale);
      bars.add(new JsonObject().put("x", axis.x(column) + BAR_GAP / 2).put("y", base - height)
          .put("w", TimeAxis.COLUMN_WIDTH - BAR_GAP).put("h", height).put("people", people[column])
          .put("present", present[column]).put("present_y", base - here).put("present_h", here)
          .put("present_x", axis.x(column) + BAR_GAP).put("present_w", TimeAxis.COLUMN_WIDTH - 2 * BAR_GAP)
          .put("over", capacity > 0 && people[column] > capacity).put("time", axis.label(column)));
    }
    return new JsonObject().put("y", top).put("text_y", top + STRIP_HEIGHT / 2).put("base", base)
        .put("cap_y", base - (int) Math.round((double) capacity * room / scale)).put("has_capacity", capacity > 0)
        .put("x_start", axis.x(0)).put("x_end", axis.x(people.length)).put("peak_x", axis.x(people.length) + 8)
        .put("peak", peak).put("capacity", capacity).put("bars", bars);
  }
}
