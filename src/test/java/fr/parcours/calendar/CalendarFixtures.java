package fr.parcours.calendar;

import fr.parcours.fair.FairClient;
import fr.parcours.support.Ical;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.model.component.VEvent;


import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fair built through the organiser API, as an organiser would, and its feeds read back with iCal4j, validated. */
final class CalendarFixtures {

  private CalendarFixtures() {
  }

  static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /**
   * A fair on the two days clocks change in 2027 in Paris (last Sundays of March and October),
   * two tracks, two rooms, one association, three talks (one per room and day…), published.
   */
  static String dstFair(FairClient organiser, String slug) {
    organiser.create("/api/fairs", new JsonObject().put("slug", slug).put("name", "Salon " + slug).put("city", "Bordeaux")
        .put("time_zone", "Europe/Paris")
        .put("days", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("date", "2027-03-28").put("opens_at", "08:30").put("closes_at", "17:30"))
            .add(new JsonObject().put("date", "2027-10-31").put("opens_at", "08:30").put("closes_at", "17:30"))));
    String base = "/api/fairs/" + slug;
    organiser.create(base + "/venues", new JsonObject().put("slug", "hotel").put("name", "Hôtel de Région")
        .put("address", "14 rue François de Sourdis").put("city", "Bordeaux"));
    organiser.create(base + "/tracks", new JsonObject().put("slug", "s-orienter").put("name", "S'orienter"));
    organiser.create(base + "/tracks", new JsonObject().put("slug", "se-connaitre").put("name", "Se connaître"));
    organiser.create(base + "/rooms", new JsonObject().put("slug", "amphi").put("name", "Amphi").put("venue", "hotel")
        .put("kind", "conference").put("capacity", 120));
    organiser.create(base + "/rooms", new JsonObject().put("slug", "salle-2").put("name", "Salle 2").put("venue", "hotel")
        .put("kind", "workshop").put("capacity", 30));
    organiser.create(base + "/associations", new JsonObject().put("slug", "ingenieures").put("name", "Elles ingénieures")
        .put("track", "s-orienter"));
    organiser.create(base + "/sessions", talk("Les métiers du climat", "s-orienter", "amphi", "2027-03-28T09:00:00+02:00")
        .put("association", "ingenieures"));
    organiser.create(base + "/sessions", talk("Atelier CV", "s-orienter", "salle-2", "2027-03-28T10:00:00+02:00"));
    organiser.create(base + "/sessions", talk("Se connaître pour choisir", "se-connaitre", "salle-2",
        "2027-10-31T09:00:00+01:00"));
    ok(organiser.patch(base, new JsonObject().put("status", "published")));
    return base;
  }

  static JsonObject talk(String title, String track, String room, String startsAt) {
    java.time.OffsetDateTime start = java.time.OffsetDateTime.parse(startsAt);
    return new JsonObject().put("title", title).put("kind", "talk").put("track", track).put("room", room)
        .put("starts_at", startsAt).put("ends_at", start.plusMinutes(30).toString());
  }

  static VEvent event(String ics, String title) {
    return Ical.events(ics).stream().filter(e -> e.getSummary().getValue().equals(title)).findFirst().orElseThrow();
  }
}
