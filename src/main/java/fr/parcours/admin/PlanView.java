package fr.parcours.admin;

import fr.parcours.fair.FairTimes;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plan as its page shows it, beside today's programme: status and best score, each planned
 * track's capacity in classes per part of the day before and after, every constraint still
 * broken with the sessions it names, what applying it changes, and the grid (rooms across, start
 * times down) with the cells the plan changes marked and what they hold today.
 */
final class PlanView {

  private final String language;
  private final ZoneId zone;
  private final Map<String, String> rooms;
  private final Map<String, String> tracks;

  PlanView(FairProgramme programme, String language, ZoneId zone) {
    this.language = language;
    this.zone = zone;
    this.rooms = names(programme.rooms(), FairProgramme.Room::slug, FairProgramme.Room::name);
    this.tracks = names(programme.tracks(), FairProgramme.Track::slug, FairProgramme.Track::name);
  }

  JsonObject model(JsonObject plan, String fairSlug) {
    String status = plan.getString("status");
    JsonObject score = plan.getJsonObject("score");
    long hard = score.getLong("hard");
    boolean finished = "done".equals(status) || "stopped".equals(status);
    return new JsonObject().put("id", plan.getLong("id")).put("status", status)
        .put("status_label", Catalogue.text(language, "plan_status_" + status))
        .put("solving", "solving".equals(status)).put("finished", finished)
        .put("applicable", finished && hard == 0 && plan.getBoolean("applicable", true))
        .put("events", "/admin/fairs/" + fairSlug + "/plan/" + plan.getLong("id") + "/events")
        .put("score", score(score)).put("capacity", capacity(plan.getJsonObject("capacity")))
        .put("broken", broken(plan.getJsonArray("broken"))).put("changes", changes(plan.getJsonArray("changes")))
        .put("grid", grid(plan.getJsonArray("today"), plan.getJsonArray("sessions")));
  }

  private JsonObject score(JsonObject score) {
    JsonObject soft = score.getJsonObject("soft");
    return new JsonObject().put("hard", score.getLong("hard")).put("demand", soft.getLong("demand"))
        .put("preferences", soft.getLong("preferences"));
  }

  private JsonArray capacity(JsonObject capacity) {
    JsonArray rows = new JsonArray();
    capacity.fieldNames().forEach(track -> {
      JsonObject total = capacity.getJsonObject(track);
      total.getJsonArray("windows").stream().map(JsonObject.class::cast).forEach(window -> rows.add(new JsonObject()
          .put("track", tracks.getOrDefault(track, track)).put("window", window.getString("window"))
          .put("target", window.getInteger("target")).put("before", window.getInteger("classes_before"))
          .put("after", window.getInteger("classes_after"))
          .put("short", window.getInteger("classes_after") < window.getInteger("target"))));
      rows.add(new JsonObject().put("track", tracks.getOrDefault(track, track)).put("total", true)
          .put("window", Catalogue.text(language, "plan_whole_day")).put("target", total.getInteger("target"))
          .put("before", total.getInteger("classes_before")).put("after", total.getInteger("classes_after")));
    });
    return rows;
  }

  /** Each broken constraint said by the catalogue ({@code plan_broken_<constraint>}), with its sessions. */
  private JsonArray broken(JsonArray broken) {
    return new JsonArray(broken.stream().map(JsonObject.class::cast).map(item -> {
      String key = "plan_broken_" + item.getString("constraint").replace(' ', '_');
      JsonObject params = item.getJsonObject("params", new JsonObject());
      String text = Catalogue.find(language, key).isPresent() ? Catalogue.say(language, key, params.getMap())
          : item.getString("message");
      return (Object) new JsonObject().put("text", text).put("sessions", item.getJsonArray("sessions"));
    }).toList());
  }

  private JsonArray changes(JsonArray changes) {
    return new JsonArray(changes.stream().map(JsonObject.class::cast).map(change -> (Object) new JsonObject()
        .put("action", Catalogue.text(language, "plan_change_" + change.getString("action")))
        .put("title", change.getString("title")).put("track", tracks.getOrDefault(change.getString("track"), ""))
        .put("from", where(change.getJsonObject("from"))).put("to", where(change.getJsonObject("to")))).toList());
  }

  private String where(JsonObject session) {
    if (session == null) {
      return "";
    }
    return rooms.getOrDefault(session.getString("room"), session.getString("room")) + ", "
        + clock(session.getString("starts_at")) + "–" + clock(session.getString("ends_at"));
  }

  /** Rooms across (those either programme uses), start times down; a cell the plan changes is marked. */
  private JsonObject grid(JsonArray today, JsonArray planned) {
    List<JsonObject> now = list(today);
    List<JsonObject> next = list(planned);
    List<String> used = new ArrayList<>();
    rooms.keySet().stream().filter(room -> now.stream().anyMatch(s -> room.equals(s.getString("room")))
        || next.stream().anyMatch(s -> room.equals(s.getString("room")))).forEach(used::add);
    TreeMap<OffsetDateTime, String> starts = new TreeMap<>();
    List<JsonObject> all = new ArrayList<>(now);
    all.addAll(next);
    all.forEach(s -> starts.put(OffsetDateTime.parse(s.getString("starts_at")), s.getString("starts_at")));
    JsonArray rows = new JsonArray();
    starts.forEach((start, text) -> {
      JsonArray cells = new JsonArray();
      for (String room : used) {
        List<String> before = titles(now, room, start);
        List<String> after = titles(next, room, start);
        cells.add(new JsonObject().put("room", room).put("planned", new JsonArray(cellSessions(next, room, start)))
            .put("today", before.equals(after) ? new JsonArray() : new JsonArray(new ArrayList<>(before)))
            .put("changed", !before.equals(after)));
      }
      rows.add(new JsonObject().put("label", clock(text)).put("cells", cells));
    });
    return new JsonObject().put("rooms", new JsonArray(used.stream()
        .map(room -> (Object) new JsonObject().put("slug", room).put("name", rooms.get(room))).toList()))
        .put("rows", rows);
  }

  private List<Object> cellSessions(List<JsonObject> sessions, String room, OffsetDateTime start) {
    return at(sessions, room, start).stream().map(s -> (Object) new JsonObject().put("title", s.getString("title"))
        .put("track", tracks.getOrDefault(s.getString("track"), ""))).toList();
  }

  private static List<String> titles(List<JsonObject> sessions, String room, OffsetDateTime start) {
    return at(sessions, room, start).stream().map(s -> s.getString("title")).sorted().toList();
  }

  private static List<JsonObject> at(List<JsonObject> sessions, String room, OffsetDateTime start) {
    return sessions.stream().filter(s -> room.equals(s.getString("room"))
        && OffsetDateTime.parse(s.getString("starts_at")).isEqual(start)).toList();
  }

  private String clock(String instant) {
    return FairTimes.clock(OffsetDateTime.parse(instant), zone, language);
  }

  private static List<JsonObject> list(JsonArray array) {
    return array == null ? List.of() : array.stream().map(JsonObject.class::cast).toList();
  }

  private static <T> Map<String, String> names(List<T> items, Function<T, String> slug, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(slug, name, (a, b) -> a, LinkedHashMap::new));
  }
}
