package fr.parcours.admin;

import fr.parcours.fair.resource.ShownSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The dashboard charts' horizontal axis: one column per start time of the fair's sessions
 * (the slot grid as it is used), left to right, after a band for the row labels.
 */
record TimeAxis(List<LocalDateTime> starts, boolean severalDays) {

  static final int LABEL_WIDTH = 180;
  static final int COLUMN_WIDTH = 58;
  static final int HEADER_HEIGHT = 28;
  private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("dd/MM HH:mm");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  static TimeAxis of(List<ShownSession> sessions) {
    List<LocalDateTime> starts = sessions.stream().map(s -> s.startsAt().toLocalDateTime()).distinct().sorted().toList();
    return new TimeAxis(starts, starts.stream().map(LocalDateTime::toLocalDate).distinct().count() > 1);
  }

  int column(ShownSession session) {
    return starts.indexOf(session.startsAt().toLocalDateTime());
  }

  int x(int column) {
    return LABEL_WIDTH + column * COLUMN_WIDTH;
  }

  int width() {
    return x(starts.size()) + 8;
  }

  String label(int column) {
    return (severalDays ? DAY_AND_CLOCK : CLOCK).format(starts.get(column));
  }

  /** The column headers, centred over their column. */
  JsonArray headers() {
    JsonArray headers = new JsonArray();
    for (int i = 0; i < starts.size(); i++) {
      headers.add(new JsonObject().put("x", x(i) + COLUMN_WIDTH / 2).put("label", label(i)));
    }
    return headers;
  }

  /** Long room names are cut so they stay in the label band; the full name goes in a tooltip. */
  static String shortLabel(String name) {
    return name.length() <= 26 ? name : name.substring(0, 25) + "…";
  }
}
