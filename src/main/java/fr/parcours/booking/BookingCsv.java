package fr.parcours.booking;

import fr.parcours.fair.FairTimes;
import fr.parcours.i18n.Catalogue;
import fr.parcours.web.Csv;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** The lists organisers print on the day: bookings by school, and who sits in one session. */
final class BookingCsv {

  private BookingCsv() {
  }

  /** One line per booking, sorted by school (the repository's order). */
  static String bySchool(List<Booking> bookings, ZoneId zone, String language) {
    List<String> header = Csv.header(language, "school", "uai", "city", "class", "level", "teacher", "email", "pupils",
        "adults", "track", "day", "arrival", "departure", "status", "waitlist_position", "route");
    return Csv.table(header, bookings.stream().map(b -> schoolRow(b, zone, language)).toList());
  }

  /** One line per class holding a place in the session. */
  static String attendees(List<Booking> bookings, String language) {
    List<String> header = Csv.header(language, "school", "uai", "class", "level", "teacher", "email", "pupils", "adults",
        "people");
    return Csv.table(header, bookings.stream().map(BookingCsv::attendeeRow).toList());
  }

  private static List<String> schoolRow(Booking b, ZoneId zone, String language) {
    BookingRequest r = b.request();
    return List.of(r.school().name(), r.school().uai(), r.school().city(), r.group().name(), r.group().level(),
        r.teacher().name(), r.teacher().email(), String.valueOf(r.pupils()), String.valueOf(r.adults()),
        b.trackName(), r.day().toString(), r.arrival().toString(), r.departure().toString(), Catalogue.text(language, "csv_status_" + b.status()),
        b.waitlistPosition() == null ? "" : String.valueOf(b.waitlistPosition()), route(b.route(), zone));
  }

  private static List<String> attendeeRow(Booking b) {
    BookingRequest r = b.request();
    return List.of(r.school().name(), r.school().uai(), r.group().name(), r.group().level(), r.teacher().name(),
        r.teacher().email(), String.valueOf(r.pupils()), String.valueOf(r.adults()), String.valueOf(r.people()));
  }

  private static String route(Route route, ZoneId zone) {
    return route.sessions().stream()
        .map(s -> FairTimes.clock(s.startsAt(), zone) + " " + s.titleAndRoom())
        .collect(Collectors.joining(" | "));
  }
}
