package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The public availability document: sessions with places left, tracks with places and queue. */
final class Availability {

  private static final LocalTime NOON = LocalTime.NOON;

  private Availability() {
  }

  static JsonObject json(Fair fair, List<TrackRef> tracks, Map<Long, Timetable> timetables,
                         Map<Long, Integer> waitlists) {
    JsonArray sessions = new JsonArray();
    JsonArray trackList = new JsonArray();
    for (TrackRef track : tracks) {
      Timetable timetable = timetables.getOrDefault(track.id(), new Timetable(List.of()));
      timetable.sessions().forEach(s -> sessions.add(session(fair, track, s)));
      trackList.add(new JsonObject().put("slug", track.slug()).put("name", track.name())
          .put("left", timetable.placesLeft()).put("parts", parts(fair, timetable))
          .put("waitlist", waitlists.getOrDefault(track.id(), 0)));
    }
    return new JsonObject().put("fair", fair.slug()).put("sessions", sessions).put("tracks", trackList);
  }

  /**
   * Places left in the morning (sessions starting before noon, the fair's clock) and in the
   * afternoon: a track with room only after lunch says so. A part without sessions is left out.
   */
  private static JsonObject parts(Fair fair, Timetable timetable) {
    JsonObject parts = new JsonObject();
    Predicate<SessionSlot> morning = s -> FairTimes.local(s.startsAt(), fair.zone()).toLocalTime().isBefore(NOON);
    if (timetable.sessions().stream().anyMatch(morning)) {
      parts.put("morning", timetable.placesLeft(morning));
    }
    if (timetable.sessions().stream().anyMatch(morning.negate())) {
      parts.put("afternoon", timetable.placesLeft(morning.negate()));
    }
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
