package fr.parcours.admin;

import fr.parcours.programme.Programme;
import fr.parcours.fair.resource.ShownSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The fill rate of the sessions as a heat map: one row per track (or room), one column per
 * time slot, each cell the people booked over the places offered there. Five steps of
 * ColorBrewer's YlGnBu scale (told apart with any colour vision and in grey), text dark or
 * white to keep a 4.5:1 contrast on each, and the percentage written in each cell, so colour
 * is never the only clue.
 */
public final class HeatMap {

  static final int ROW_HEIGHT = 30;
  /** Upper bound (exclusive, in percent) of each step, its colour and the text colour that reads on it. */
  static final List<Step> STEPS = List.of(
      new Step(20, "#ffffcc", "#1d2330"), new Step(40, "#a1dab4", "#1d2330"), new Step(60, "#41b6c4", "#1d2330"),
      new Step(80, "#225ea8", "#ffffff"), new Step(101, "#0c2c84", "#ffffff"));

  record Step(int below, String fill, String text) {
  }

  private HeatMap() {
  }

  public static JsonObject build(Programme programme, boolean byTrack) {
    List<ShownSession> sessions = programme.sessions().stream().filter(s -> !s.cancelled() && s.capacity() > 0)
        .toList();
    TimeAxis axis = TimeAxis.of(sessions);
    List<String> keys = rowKeys(programme, sessions, byTrack);
    JsonArray rows = new JsonArray();
    for (int r = 0; r < keys.size(); r++) {
      String key = keys.get(r);
      List<ShownSession> inRow = sessions.stream().filter(s -> Objects.equals(rowOf(s, byTrack), key)).toList();
      String name = byTrack ? programme.trackName(key) : programme.placeName(key);
      rows.add(row(axis, inRow, TimeAxis.HEADER_HEIGHT + r * ROW_HEIGHT).put("label", TimeAxis.shortLabel(name))
          .put("name", name));
    }
    return new JsonObject().put("width", axis.width()).put("height", TimeAxis.HEADER_HEIGHT + keys.size() * ROW_HEIGHT)
        .put("columns", axis.headers()).put("rows", rows).put("legend", legend()).put("empty", keys.isEmpty());
  }

  /** Tracks in their order (sessions of no track, time at the stands, are left out), or rooms then zones. */
  private static List<String> rowKeys(Programme programme, List<ShownSession> sessions, boolean byTrack) {
    Stream<String> all = byTrack ? programme.tracks().keySet().stream()
        : Stream.concat(programme.rooms().keySet().stream(), programme.zones().keySet().stream());
    return all.filter(key -> sessions.stream().anyMatch(s -> key.equals(rowOf(s, byTrack))))
        .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
  }

  private static String rowOf(ShownSession session, boolean byTrack) {
    return byTrack ? session.track() : session.place();
  }

  private static JsonObject row(TimeAxis axis, List<ShownSession> inRow, int y) {
    JsonArray cells = new JsonArray();
    for (int column = 0; column < axis.starts().size(); column++) {
      int c = column;
      List<ShownSession> inCell = inRow.stream().filter(s -> axis.column(s) == c).toList();
      if (!inCell.isEmpty()) {
        cells.add(cell(axis, c, y, inCell));
      }
    }
    return new JsonObject().put("y", y).put("text_y", y + ROW_HEIGHT / 2).put("cells", cells);
  }

  private static JsonObject cell(TimeAxis axis, int column, int y, List<ShownSession> sessions) {
    int booked = sessions.stream().mapToInt(ShownSession::booked).sum();
    int capacity = sessions.stream().mapToInt(ShownSession::capacity).sum();
    int percent = percent(booked, capacity);
    Step step = step(percent);
    return new JsonObject().put("x", axis.x(column) + 1).put("y", y + 1)
        .put("w", TimeAxis.COLUMN_WIDTH - 2).put("h", ROW_HEIGHT - 2)
        .put("tx", axis.x(column) + TimeAxis.COLUMN_WIDTH / 2).put("ty", y + ROW_HEIGHT / 2)
        .put("fill", step.fill()).put("text_fill", step.text())
        .put("percent", percent).put("booked", booked).put("capacity", capacity).put("time", axis.label(column));
  }

  /** Rounded down, so that a cell shows 100 % only when it is truly full. */
  static int percent(int booked, int capacity) {
    return capacity == 0 ? 0 : (int) Math.min(100, (long) booked * 100 / capacity);
  }

  static Step step(int percent) {
    return STEPS.stream().filter(step -> percent < step.below()).findFirst().orElse(STEPS.get(STEPS.size() - 1));
  }

  private static JsonArray legend() {
    JsonArray legend = new JsonArray();
    int from = 0;
    for (Step step : STEPS) {
      legend.add(new JsonObject().put("fill", step.fill()).put("text_fill", step.text())
          .put("label", from + "–" + Math.min(100, step.below() - 1) + " %"));
      from = step.below();
    }
    return legend;
  }
}
