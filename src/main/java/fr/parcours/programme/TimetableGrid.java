package fr.parcours.programme;

import fr.parcours.fair.resource.ShownSession;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The programme as a timetable: one table per day, time down (one row per start time) and
 * rooms, or tracks, across. Only the columns that hold a kept session are shown; sessions
 * outside every track (time at the stands) get a column of their own in the track view.
 */
public final class TimetableGrid {

  private TimetableGrid() {
  }

  /** {@code messages} name what the data does not: each kind of session, and the column of no track. */
  public static JsonObject build(Programme programme, ProgrammeFilter filter, JsonObject messages, Locale locale) {
    List<ShownSession> kept = programme.sessions().stream().filter(filter::keeps).toList();
    List<String> columns = columns(programme, kept, filter.byTrack());
    JsonArray header = new JsonArray(columns.stream()
        .map(key -> (Object) columnName(programme, key, filter.byTrack(), messages)).toList());
    JsonArray days = new JsonArray();
    byDayAndTime(kept).forEach((day, rows) -> days.add(new JsonObject().put("date", day)
        .put("label", FairTimes.dayLabel(LocalDate.parse(day), locale))
        .put("rows", rows(programme, rows, columns, filter.byTrack(), messages))));
    return new JsonObject().put("columns", header).put("days", days).put("empty", kept.isEmpty());
  }

  /**
   * Column keys in the programme's own order: places (rooms, then zones) or tracks, then none (a
   * session not placed yet, or of no track).
   */
  private static List<String> columns(Programme programme, List<ShownSession> kept, boolean byTrack) {
    Stream<String> keys = byTrack ? programme.tracks().keySet().stream()
        : Stream.concat(programme.rooms().keySet().stream(), programme.zones().keySet().stream());
    Stream<String> all = Stream.concat(keys, Stream.of((String) null));
    return all.filter(key -> kept.stream().anyMatch(s -> Objects.equals(columnOf(s, byTrack), key)))
        .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
  }

  private static String columnOf(ShownSession session, boolean byTrack) {
    return byTrack ? session.track() : session.place();
  }

  private static String columnName(Programme programme, String key, boolean byTrack, JsonObject messages) {
    if (key == null) {
      return messages.getString(byTrack ? "programme_other" : "programme_no_place");
    }
    return byTrack ? programme.trackName(key) : programme.placeName(key);
  }

  private static Map<String, Map<LocalTime, List<ShownSession>>> byDayAndTime(List<ShownSession> sessions) {
    Map<String, Map<LocalTime, List<ShownSession>>> days = new TreeMap<>();
    sessions.forEach(s -> days.computeIfAbsent(s.day(), d -> new TreeMap<>())
        .computeIfAbsent(s.startsAt().toLocalTime(), t -> new ArrayList<>()).add(s));
    return days;
  }

  private static JsonArray rows(Programme programme, Map<LocalTime, List<ShownSession>> byTime,
                                List<String> columns, boolean byTrack, JsonObject messages) {
    JsonArray rows = new JsonArray();
    byTime.forEach((time, sessions) -> {
      Map<String, JsonArray> cells = new LinkedHashMap<>();
      columns.forEach(key -> cells.put(key, new JsonArray()));
      sessions.forEach(s -> cells.get(columnOf(s, byTrack)).add(card(programme, s, messages)));
      JsonArray row = new JsonArray();
      // Each cell names its column too: the phone's list by time shows it beside each session.
      cells.forEach((key, list) -> row.add(new JsonObject().put("sessions", list)
          .put("column", columnName(programme, key, byTrack, messages))));
      rows.add(new JsonObject().put("time", time.toString()).put("cells", row));
    });
    return rows;
  }

  /** What a cell shows of a session; the session page has the rest. */
  public static JsonObject card(Programme programme, ShownSession s, JsonObject messages) {
    return new JsonObject()
        .put("id", s.id())
        .put("title", s.title())
        .put("kind", s.kind())
        .put("kind_label", messages.getString("kind_" + s.kind(), s.kind()))
        .put("clock", s.clock())
        .put("place", programme.placeName(s.place()))
        .put("track", programme.trackName(s.track()))
        .put("color", programme.trackColor(s.track()))
        .put("level", s.level())
        .put("left", s.left())
        .put("full", s.left() == 0)
        .put("cancelled", s.cancelled());
  }
}
