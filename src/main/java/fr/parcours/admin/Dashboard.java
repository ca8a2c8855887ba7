package fr.parcours.admin;

import fr.parcours.fair.Fair;
import fr.parcours.programme.Programme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;

/** What the organiser's dashboard of one fair shows, built from its programme and its bookings. */
final class Dashboard {

  private Dashboard() {
  }

  static JsonObject model(Fair fair, Programme programme, JsonArray bookings, boolean byRoom) {
    List<JsonObject> all = bookings.stream().map(JsonObject.class::cast).toList();
    List<JsonObject> confirmed = withStatus(all, "confirmed");
    List<JsonObject> waiting = withStatus(all, "waitlisted").stream()
        .sorted(Comparator.comparing((JsonObject b) -> b.getInteger("waitlist_position", Integer.MAX_VALUE)))
        .toList();
    return new JsonObject()
        .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name())
            .put("published", fair.published()))
        .put("by_room", byRoom)
        .put("heat", HeatMap.build(programme, !byRoom))
        .put("flows", FlowChart.build(programme))
        .put("totals", new JsonObject().put("classes", confirmed.size()).put("people", people(confirmed))
            .put("waiting", waiting.size()).put("waiting_people", people(waiting)))
        .put("bookings", rows(confirmed))
        .put("waitlist", rows(waiting))
        .put("booked_sessions", bookedSessions(programme));
  }

  private static List<JsonObject> withStatus(List<JsonObject> bookings, String status) {
    return bookings.stream().filter(b -> status.equals(b.getString("status"))).toList();
  }

  private static int people(List<JsonObject> bookings) {
    return bookings.stream().mapToInt(b -> b.getInteger("pupils") + b.getInteger("adults")).sum();
  }

  private static JsonArray rows(List<JsonObject> bookings) {
    return new JsonArray(bookings.stream().map(b -> (Object) new JsonObject()
        .put("position", b.getInteger("waitlist_position"))
        .put("school", b.getJsonObject("school").getString("name"))
        .put("city", b.getJsonObject("school").getString("city"))
        .put("class", b.getJsonObject("class").getString("name"))
        .put("level", b.getJsonObject("class").getString("level"))
        .put("track", b.getString("track_name"))
        .put("pupils", b.getInteger("pupils"))
        .put("adults", b.getInteger("adults"))
        .put("window", b.getString("arrival") + " – " + b.getString("departure"))
        .put("teacher", b.getJsonObject("teacher").getString("name"))).toList());
  }

  /** The sessions with people booked, each with its attendee list to export. */
  private static JsonArray bookedSessions(Programme programme) {
    return new JsonArray(programme.sessions().stream().filter(s -> s.booked() > 0).map(s -> (Object) new JsonObject()
        .put("id", s.id()).put("title", s.title()).put("clock", s.clock())
        .put("place", programme.placeName(s.place())).put("booked", s.booked()).put("capacity", s.capacity()))
        .toList());
  }
}
