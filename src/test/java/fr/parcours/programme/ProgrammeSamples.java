package fr.parcours.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small programme documents, shaped as {@code GET /api/fairs/{slug}} answers, for the pure page builders. */
public final class ProgrammeSamples {

  private ProgrammeSamples() {
  }

  /**
   * Two tracks; two rooms (amphi 100 seats, atelier 30) and a stand zone; at 09:00 a talk in the
   * amphi (40 booked) and a workshop in the atelier (30 booked, full), at 09:40 the talk again
   * (none booked, for 3e only) and time at the stands.
   */
  public static Programme small() {
    return Programme.of(new JsonObject()
        .put("tracks", new JsonArray().add(named("s-orienter", "S'orienter").put("color", "#1565c0"))
            .add(named("se-connaitre", "Se connaître").put("color", "#8e24aa")))
        .put("rooms", new JsonArray().add(named("amphi", "Amphithéâtre").put("capacity", 100))
            .add(named("atelier", "Salle atelier").put("capacity", 30)))
        .put("zones", new JsonArray().add(named("village", "Village").put("capacity", 400)))
        .put("associations", new JsonArray().add(named("onisep", "Onisep")))
        .put("sessions", new JsonArray()
            .add(session(1, "Après la 3e", "talk", "s-orienter", "amphi", null, "09:00", 100, 40, ""))
            .add(session(2, "Théâtre-forum", "workshop", "se-connaitre", "atelier", null, "09:00", 30, 30, ""))
            .add(session(3, "Après la 3e", "talk", "s-orienter", "amphi", null, "09:40", 100, 0, "3e"))
            .add(session(4, "Stands", "stand_time", null, null, "village", "09:40", 400, 12, ""))));
  }

  private static JsonObject named(String slug, String name) {
    return new JsonObject().put("slug", slug).put("name", name);
  }

  private static JsonObject session(long id, String title, String kind, String track, String room, String zone,
                                    String start, int capacity, int booked, String level) {
    String end = java.time.LocalTime.parse(start).plusMinutes(30).toString();
    return new JsonObject().put("id", id).put("title", title).put("kind", kind).put("track", track)
        .put("room", room).put("zone", zone).put("association", "onisep").put("level", level)
        .put("starts_at", "2027-03-18T" + start + ":00+01:00").put("ends_at", "2027-03-18T" + end + ":00+01:00")
        .put("capacity", capacity).put("booked", booked).put("status", "scheduled");
  }
}
