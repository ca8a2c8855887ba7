package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.fair.DayPart;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/** The public availability document: sessions with places left, tracks with places, classes per part of the day and queue. */
final class Availability {

  private Availability() {
  }

  static JsonObject json(Fair fair, List<TrackRef> tracks, Map<Long, Timetable> timetables,
                         Map<Long, Integer> waitlists) {
    JsonArray sessions = new JsonArray();
    JsonArray trackList = new JsonArray();
    for (TrackRef track : tracks) {
      Timetable timetable = timetables.getOrDefault(track.id(), new Timetable(List.of()));
      timetable.sessions().forEach(s -> sessions.add(session(fair, track, s)));
      TrackCapacity capacity = TrackCapacity.of(fair, track, timetable);
      trackList.add(new JsonObject().put("slug", track.slug()).put("name", track.name())
          .put("left", timetable.placesLeft()).put("parts", parts(capacity))
          .put("classes", capacity.classesJson())
          .put("waitlist", waitlists.getOrDefault(track.id(), 0)));
    }
    return new JsonObject().put("fair", fair.slug()).put("sessions", sessions).put("tracks", trackList);
  }

  /**
   * Places left in the sessions of the morning and of the afternoon ({@link DayPart}): a track
   * with room only after lunch says so. A part without sessions is left out.
   */
  private static JsonObject parts(TrackCapacity capacity) {
    JsonObject parts = new JsonObject();
    capacity.parts().stream().filter(part -> part.part() != DayPart.DAY && part.planned())
        .forEach(part -> parts.put(part.part().json(), part.places()));
    return parts;
  }

  private static JsonObject session(Fair fair, TrackRef track, SessionSlot s) {
    return new JsonObject()
        .put("id", s.id())
        .put("track", track.slug())
        .put("activity", s.activity())
        .put("title", s.title())
        .put("room", s.room())
        .put("starts_at", FairTimes.format(s.startsAt(), fair.zone()))
        .put("ends_at", FairTimes.format(s.endsAt(), fair.zone()))
        .put("capacity", s.capacity())
        .put("booked", s.booked())
        .put("left", s.left());
  }
}
