package fr.parcours.checkin;

import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** The JSON shapes of the day's flows: each session's turnout, the no-shows and what releasing them did. */
final class DayJson {

  private DayJson() {
  }

  static JsonObject turnout(Map<Long, Turnout> bySession) {
    return new JsonObject().put("sessions", new JsonArray(bySession.values().stream().map(t -> (Object) new JsonObject()
        .put("session", t.sessionId()).put("classes", t.classes()).put("booked", t.booked())
        .put("expected", t.expected()).put("present", t.present()).put("classes_present", t.classesPresent())
        .put("marked", t.marked()).put("classes_marked", t.classesMarked())).toList()));
  }

  static JsonObject noShows(NoShows noShows) {
    return new JsonObject().put("day", noShows.day().toString()).put("cutoff", noShows.cutoff().toString())
        .put("classes", CheckInJson.arrivals(noShows.classes()))
        .put("pupils", noShows.pupils()).put("people", noShows.people());
  }

  static JsonObject sheet(SessionSheet sheet) {
    RoomSession s = sheet.session();
    return new JsonObject().put("session", s.id()).put("title", s.title()).put("place", s.place())
        .put("starts_at", FairTimes.format(s.startsAt(), s.startsAt().getOffset()))
        .put("ends_at", FairTimes.format(s.endsAt(), s.endsAt().getOffset()))
        .put("classes", new JsonArray(sheet.classes().stream().map(c -> (Object) CheckInJson.seated(c)).toList()));
  }

  static JsonObject release(DayService.Release release) {
    return new JsonObject()
        .put("released", new JsonArray(release.released().stream().map(a -> (Object) a.code()).toList()))
        .put("promoted", new JsonArray(release.promoted().stream().map(id -> (Object) id).toList()));
  }
}
