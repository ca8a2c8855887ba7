package fr.parcours.booking;

import fr.parcours.db.IdempotencyKeys;
import fr.parcours.i18n.Field;
import fr.parcours.mail.Addresses;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;

/** What a teacher asks for, parsed and validated at the edge (every bad field named at once). */
public record BookingRequest(School school, Teacher teacher, ClassGroup group, int pupils, int adults,
                             String track, LocalDate day, LocalTime arrival, LocalTime departure) {

  /** A school, identified across bookings by its UAI (the French national school number). */
  public record School(String name, String uai, String city) {
  }

  public record Teacher(String name, String email) {
  }

  public record ClassGroup(String name, String level) {
  }

  /** Far above any class: only there to refuse typing slips before they reach capacity sums. */
  public static final int MAX_PUPILS = 200;
  public static final int MAX_ADULTS = 50;

  public static BookingRequest parse(JsonInput in) {
    BookingRequest request = read(in, true);
    in.validate();
    return request;
  }

  /**
   * The booking's fields, their problems left in {@code in} for the caller to add its own and
   * validate once (null when there are problems); without the track (null) for a class
   * request, which ranks tracks instead.
   */
  public static BookingRequest read(JsonInput in, boolean withTrack) {
    School school = school(in.requiredObject("school"));
    Teacher teacher = teacher(in.requiredObject("teacher"));
    JsonInput group = in.requiredObject("class");
    ClassGroup classGroup = new ClassGroup(group.requiredText("name"), group.requiredText("level"));
    Integer pupils = in.requiredInt("pupils", 1, MAX_PUPILS);
    Integer adults = in.requiredInt("adults", 0, MAX_ADULTS);
    String track = withTrack ? in.requiredSlug("track") : null;
    LocalDate day = in.optionalDate("day");
    LocalTime arrival = in.requiredTime("arrival");
    LocalTime departure = in.requiredTime("departure");
    checkWindow(in, arrival, departure);
    if (!in.valid()) {
      return null;
    }
    return new BookingRequest(school, teacher, classGroup, pupils, adults, track, day, arrival, departure);
  }

  /** Departure after arrival, else a problem on departure. */
  public static void checkWindow(JsonInput in, LocalTime arrival, LocalTime departure) {
    in.check(arrival == null || departure == null || departure.isAfter(arrival), "departure", "AFTER", Map.of("other", Field.of("arrival")));
  }

  private static School school(JsonInput in) {
    String name = in.requiredText("name");
    String uai = in.requiredText("uai");
    in.check(uai == null || uai.matches("[0-9]{7}[A-Za-z]"), "uai", "NOT_UAI", Map.of());
    return new School(name, uai == null ? null : uai.toUpperCase(Locale.ROOT), in.requiredText("city"));
  }

  private static Teacher teacher(JsonInput in) {
    String name = in.requiredText("name");
    String email = in.requiredText("email");
    in.check(email == null || Addresses.valid(email), "email", "NOT_EMAIL", Map.of());
    return new Teacher(name, email);
  }

  /** Pupils and adults: capacity counts people. */
  public int people() {
    return pupils + adults;
  }

  public BookingRequest on(LocalDate resolvedDay) {
    return new BookingRequest(school, teacher, group, pupils, adults, track, resolvedDay, arrival, departure);
  }

  public BookingRequest with(int newPupils, int newAdults, LocalTime newArrival, LocalTime newDeparture) {
    return new BookingRequest(school, teacher, group, newPupils, newAdults, track, day, newArrival, newDeparture);
  }

  /** The request in a fixed shape and order, whatever the JSON spelling: what a retry must repeat. */
  public String fingerprint() {
    String canonical = new JsonObject()
        .put("school", new JsonObject().put("name", school.name).put("uai", school.uai).put("city", school.city))
        .put("teacher", new JsonObject().put("name", teacher.name).put("email", teacher.email))
        .put("class", new JsonObject().put("name", group.name).put("level", group.level))
        .put("pupils", pupils).put("adults", adults).put("track", track)
        .put("day", day == null ? null : day.toString())
        .put("arrival", arrival.toString()).put("departure", departure.toString())
        .encode();
    return IdempotencyKeys.fingerprint(canonical);
  }
}
