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
    return of(booking, fair, links.manage(booking.token()), links.calendar(booking.feedToken()));
  }

  /** As the request that made it is answered: no pick yet, and no windows looked up while it waits. */
  static JsonObject of(BookedClass booked) {
    return of(booked.booking(), booked.fair(), booked.manageUrl(), booked.calendarUrl());
  }

  /** As its teacher is shown it: with its challenge pick when it has one, and while it waits the windows that would confirm it. */
  static JsonObject of(ShownBooking shown) {
    Booking booking = shown.booking();
    ZoneId zone = shown.fair().zone();
    JsonObject json = of(booking, shown.fair(), shown.manageUrl(), shown.calendarUrl());
    if (shown.pick() != null) {
      json.put("challenge", pick(shown.pick(), zone));
    }
    if (booking.is(Booking.WAITLISTED)) {
      json.put("confirm_windows", windows(shown.confirmWindows(), zone));
    }
    return json;
  }

  private static JsonObject of(Booking booking, Fair fair, String manageUrl, String calendarUrl) {
    BookingRequest r = booking.request();
    JsonObject json = new JsonObject()
        .put("id", booking.id())
        .put("status", booking.status())
        .put("manage_url", manageUrl)
        .put("calendar_url", calendarUrl)
        .put("webcal_url", Subscription.webcal(calendarUrl))
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
    if (booking.offeredUntil() != null) {
      json.put("offer", new JsonObject().put("expires_at", FairTimes.format(booking.offeredUntil(), fair.zone())));
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

  private static JsonObject pick(ChallengePick pick, ZoneId zone) {
    ChallengePick.Slot slot = pick.slot();
    return new JsonObject().put("challenge", pick.challengeId()).put("title", pick.title())
        .put("slot", new JsonObject().put("id", slot.id())
            .put("starts_at", FairTimes.format(slot.startsAt(), zone)).put("ends_at", FairTimes.format(slot.endsAt(), zone))
            .put("capacity", slot.capacity()).put("unit", slot.unit()).put("taken", slot.taken())
            .put("left", slot.capacity() - slot.taken()))
        .put("places", pick.places());
  }

  /** Bus times of the fair's clock. */
  private static JsonArray windows(List<Alternatives.Window> windows, ZoneId zone) {
    JsonArray json = new JsonArray();
    windows.forEach(window -> json.add(new JsonObject()
        .put("arrival", FairTimes.clock(window.arrival(), zone))
        .put("departure", FairTimes.clock(window.departure(), zone))));
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
