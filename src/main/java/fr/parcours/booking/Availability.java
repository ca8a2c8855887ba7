package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.fair.DayPart;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * What a teacher checks first: per track, its sessions with places left, the classes each part of
 * the day can still host, and its waiting list. The API's document and the booking form are both
 * made from it.
 */
public record Availability(Fair fair, List<TrackPlaces> tracks) {

  /** One track's sessions, capacity and queue. */
  public record TrackPlaces(TrackRef track, Timetable timetable, TrackCapacity capacity, int waitlist) {
  }

  static Availability of(Fair fair, List<TrackRef> tracks, Map<Long, Timetable> timetables,
                         Map<Long, Integer> waitlists) {
    return new Availability(fair, tracks.stream().map(track -> {
      Timetable timetable = timetables.getOrDefault(track.id(), new Timetable(List.of()));
      return new TrackPlaces(track, timetable, TrackCapacity.of(fair, track, timetable),
          waitlists.getOrDefault(track.id(), 0));
    }).toList());
  }

  /** Whether any track has a session to book. */
  public boolean planned() {
    return tracks.stream().anyMatch(track -> !track.timetable().sessions().isEmpty());
  }

  public JsonObject toJson() {
    JsonArray sessions = new JsonArray();
    JsonArray trackList = new JsonArray();
    for (TrackPlaces places : tracks) {
      places.timetable().sessions().forEach(s -> sessions.add(session(places.track(), s)));
      trackList.add(trackJson(places));
    }
    return new JsonObject().put("fair", fair.slug()).put("sessions", sessions).put("tracks", trackList);
  }

  /** A track as the API gives it: places left, places per part of the day, classes per part, queue. */
  static JsonObject trackJson(TrackPlaces places) {
    return new JsonObject().put("slug", places.track().slug()).put("name", places.track().name())
        .put("left", places.timetable().placesLeft()).put("parts", parts(places.capacity()))
        .put("classes", places.capacity().classesJson())
        .put("waitlist", places.waitlist());
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

  private JsonObject session(TrackRef track, SessionSlot s) {
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
