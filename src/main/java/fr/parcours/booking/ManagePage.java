package fr.parcours.booking;

import fr.parcours.fair.FairTimes;
import fr.parcours.i18n.Dates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The page models of the teacher's manage page and of its print view, made from the booking
 * as the service shows it: the class, its day and times as people read them, its route.
 */
final class ManagePage {

  private ManagePage() {
  }

  /** What both the manage page and the print view show. */
  static JsonObject model(ShownBooking shown, String language) {
    Booking booking = shown.booking();
    BookingRequest r = booking.request();
    ZoneId zone = shown.fair().zone();
    return new JsonObject()
        .put("title", r.group().name())
        .put("class_name", r.group().name())
        .put("class_level", r.group().level())
        .put("status", booking.status())
        .put("waitlist_position", booking.waitlistPosition())
        .put("fair_name", shown.fair().details().name())
        .put("track_name", booking.trackName())
        .put("day", Dates.date(language, r.day()))
        .put("school", new JsonObject().put("name", r.school().name()).put("uai", r.school().uai())
            .put("city", r.school().city()))
        .put("teacher", new JsonObject().put("name", r.teacher().name()).put("email", r.teacher().email()))
        .put("pupils", r.pupils())
        .put("adults", r.adults())
        .put("arrival", r.arrival().toString())
        .put("departure", r.departure().toString())
        .put("manage_url", shown.manageUrl())
        .put("route", routeRows(booking.route(), zone))
        .put("check_in_code", CheckInCode.of(booking.id()))
        .put("came", came(booking.presence()))
        .put("picked", picked(shown.pick(), zone))
        .put("offered_until", booking.offeredUntil() == null ? null
            : Dates.dateTime(language, booking.offeredUntil().atZoneSameInstant(zone).toLocalDateTime()));
  }

  /** The form as the booking stands: what the change form starts from. */
  static JsonObject form(ShownBooking shown) {
    BookingRequest r = shown.booking().request();
    return new JsonObject().put("pupils", r.pupils()).put("adults", r.adults())
        .put("arrival", r.arrival().toString()).put("departure", r.departure().toString());
  }

  /** "09:00 – 09:30" rows: the page shows the fair's local clock, not offsets. */
  private static JsonArray routeRows(Route route, ZoneId zone) {
    JsonArray rows = new JsonArray();
    route.sessions().forEach(s -> rows.add(new JsonObject().put("title", s.title()).put("room", s.room())
        .put("time", span(s.startsAt(), s.endsAt(), zone))));
    return rows;
  }

  /** The headcount the entrance noted, or null before the class came. */
  private static JsonObject came(Booking.Presence presence) {
    return presence == null ? null : new JsonObject().put("pupils", presence.pupils()).put("adults", presence.adults());
  }

  /** The class's pick as the route summary and the print view show it, or null. */
  private static JsonObject picked(ChallengePick pick, ZoneId zone) {
    return pick == null ? null : new JsonObject().put("title", pick.title())
        .put("time", span(pick.slot().startsAt(), pick.slot().endsAt(), zone));
  }

  static String span(OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
    return FairTimes.clock(start, zone) + " – " + FairTimes.clock(end, zone);
  }
}
