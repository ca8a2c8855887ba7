package fr.parcours.booking;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.web.Subscription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.List;

/** The JSON shape of a booking, the same for the teacher's and the organiser's views. */
final class BookingJson {

  private BookingJson() {
  }

  static JsonObject of(Booking booking, BookingLinks links, Fair fair) {
    BookingRequest r = booking.request();
    JsonObject json = new JsonObject()
        .put("id", booking.id())
        .put("status", booking.status())
        .put("manage_url", links.manage(booking.token()))
        .put("calendar_url", links.calendar(booking.feedToken()))
        .put("webcal_url", Subscription.webcal(links.calendar(booking.feedToken())))
        .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name()))
        .put("track", r.track())
        .put("track_name", booking.trackName())
        .put("day", r.day().toString())
        .put("arrival", r.arrival().toString())
        .put("departure", r.departure().toString())
        .put("school", new JsonObject().put("name", r.school().name()).put("uai", r.school().uai())
            .put("city", r.school().city()))
        .put("teacher", new JsonObject().put("name", r.teacher().name()).put("email", r.teacher().email()))
        .put("class", new JsonObject().put("name", r.group().name()).put("level", r.group().level()))
        .put("pupils", r.pupils())
        .put("adults", r.adults())
        .put("route", route(booking.route(), fair.zone()))
        .put("check_in", checkIn(booking, fair.zone()));
    if (booking.waitlistPosition() != null) {
      json.put("waitlist_position", booking.waitlistPosition());
    }
    return json;
  }

  static JsonArray list(List<Booking> bookings, BookingLinks links, Fair fair) {
    return new JsonArray(bookings.stream().map(b -> (Object) of(b, links, fair)).toList());
  }

  /** The code the class shows at the entrance, and what the entrance noted once it came. */
  private static JsonObject checkIn(Booking booking, ZoneId zone) {
    JsonObject json = new JsonObject().put("code", CheckInCode.of(booking.id()));
    Booking.Presence came = booking.presence();
    if (came != null) {
      json.put("checked_in_at", FairTimes.format(came.checkedInAt(), zone))
          .put("pupils_present", came.pupils()).put("adults_present", came.adults());
    }
    return json;
  }

  private static JsonArray route(Route route, ZoneId zone) {
    JsonArray steps = new JsonArray();
    route.sessions().forEach(s -> steps.add(new JsonObject()
        .put("session", s.id())
        .put("title", s.title())
        .put("room", s.room())
        .put("starts_at", FairTimes.format(s.startsAt(), zone))
        .put("ends_at", FairTimes.format(s.endsAt(), zone))));
    return steps;
  }
}
