package fr.parcours.checkin;

import fr.parcours.checkin.Attendance.Figures;
import fr.parcours.checkin.Attendance.Group;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The JSON shapes of the day: a class at the entrance, and the attendance report. */
final class CheckInJson {

  private CheckInJson() {
  }

  static JsonObject arrival(Arrival a) {
    JsonObject json = new JsonObject()
        .put("code", a.code())
        .put("booking", a.bookingId())
        .put("school", new JsonObject().put("name", a.school()).put("uai", a.uai()).put("city", a.city()))
        .put("class", new JsonObject().put("name", a.className()).put("level", a.level()))
        .put("track_name", a.track())
        .put("day", a.day().toString())
        .put("arrival", a.arrival().toString())
        .put("departure", a.departure().toString())
        .put("pupils", a.pupilsBooked())
        .put("adults", a.adultsBooked());
    if (a.checkedIn()) {
      json.put("checked_in_at", FairTimes.format(a.checkedInAt(), a.checkedInAt().getOffset()))
          .put("pupils_present", a.pupils())
          .put("adults_present", a.adults());
    }
    return json;
  }

  static JsonArray arrivals(List<Arrival> arrivals) {
    return new JsonArray(arrivals.stream().map(a -> (Object) arrival(a)).toList());
  }

  static JsonObject attendance(Attendance report) {
    return figures(report.total())
        .put("by_school", groups(report.bySchool()))
        .put("by_city", groups(report.byCity()))
        .put("by_level", groups(report.byLevel()))
        .put("by_track", groups(report.byTrack()))
        .put("stands", new JsonObject().put("confirmed", report.standsConfirmed()))
        .put("challenges", new JsonObject().put("picks", report.challengePicks())
            .put("picks_present", report.challengePicksPresent()))
        .put("by_session", new JsonArray(report.bySession().stream().map(s -> (Object) new JsonObject()
            .put("session", s.sessionId()).put("title", s.title()).put("place", s.place())
            .put("starts_at", FairTimes.format(s.startsAt(), s.startsAt().getOffset()))
            .put("classes", new JsonObject().put("booked", s.classes()).put("marked", s.classesMarked()))
            .put("people", new JsonObject().put("booked", s.people()).put("marked", s.peopleMarked()))).toList()));
  }

  static JsonObject seated(Seated seated) {
    JsonObject json = arrival(seated.arrival());
    if (seated.marked()) {
      json.put("marked_at", FairTimes.format(seated.markedAt(), seated.markedAt().getOffset()))
          .put("pupils_marked", seated.pupils()).put("adults_marked", seated.adults());
    }
    return json;
  }

  private static JsonArray groups(List<Group> groups) {
    return new JsonArray(groups.stream().map(g -> (Object) figures(g.figures()).put("name", g.name())).toList());
  }

  private static JsonObject figures(Figures f) {
    return new JsonObject()
        .put("classes", new JsonObject().put("booked", f.classesBooked()).put("present", f.classesPresent()))
        .put("pupils", new JsonObject().put("booked", f.pupilsBooked()).put("present", f.pupilsPresent()))
        .put("adults", new JsonObject().put("booked", f.adultsBooked()).put("present", f.adultsPresent()))
        .put("schools", new JsonObject().put("booked", f.schoolsBooked()).put("present", f.schoolsPresent()))
        .put("no_show_rate", Math.round(f.noShowRate() * 1000) / 1000.0);
  }
}
