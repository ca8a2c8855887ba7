package fr.parcours.allocation;

import fr.parcours.booking.BookingRequest;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class request as a teacher files it: the booking's own fields (read by
 * {@link BookingRequest#read}, so both forms refuse alike) without a track, ranked track
 * choices, whether any other track will do, other acceptable bus windows and the priority
 * education the school declares. Parsed at the edge, every bad field named at once.
 */
public record RequestInput(BookingRequest booking, List<String> choices, boolean anyOther,
                           List<Window> otherWindows, String priorityEducation) {

  /** A bus window: its day (null: the request's own day), arrival and departure. */
  public record Window(LocalDate day, LocalTime arrival, LocalTime departure) {
  }

  /** Ranked choices beyond this gain nothing: the form offers three, a fair rarely has more tracks. */
  public static final int MAX_CHOICES = 10;
  /** Other windows besides the request's own. */
  public static final int MAX_OTHER_WINDOWS = 4;
  public static final List<String> PRIORITY_EDUCATION = List.of("rep", "rep_plus");

  public RequestInput {
    choices = List.copyOf(choices);
    otherWindows = List.copyOf(otherWindows);
  }

  public static RequestInput parse(JsonInput in) {
    BookingRequest booking = BookingRequest.read(in, false);
    List<String> choices = choices(in);
    Boolean anyOther = in.optionalBoolean("any_other");
    List<Window> windows = windows(in);
    String priority = in.optionalChoice("priority_education", PRIORITY_EDUCATION);
    in.validate();
    return new RequestInput(booking, choices, Boolean.TRUE.equals(anyOther), windows, priority);
  }

  private static List<String> choices(JsonInput in) {
    List<String> choices = in.optionalTextList("choices");
    if (choices == null) {
      // Present but not a list of texts is already refused as such; whatever else, never an empty request.
      in.check(in.has("choices") && !in.valid(), "choices", "REQUIRED", Map.of());
      return List.of();
    }
    in.check(!choices.isEmpty(), "choices", "REQUIRED", Map.of());
    in.check(choices.size() <= MAX_CHOICES, "choices", "TOO_MANY", Map.of("max", MAX_CHOICES));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < choices.size(); i++) {
      in.check(seen.add(choices.get(i)), "choices[" + i + "]", "LISTED_TWICE", Map.of());
    }
    return choices;
  }

  private static List<Window> windows(JsonInput in) {
    List<JsonInput> items = in.objectList("windows", false);
    in.check(items.size() <= MAX_OTHER_WINDOWS, "windows", "TOO_MANY", Map.of("max", MAX_OTHER_WINDOWS));
    List<Window> windows = new ArrayList<>();
    for (JsonInput item : items) {
      LocalDate day = item.optionalDate("day");
      LocalTime arrival = item.requiredTime("arrival");
      LocalTime departure = item.requiredTime("departure");
      BookingRequest.checkWindow(item, arrival, departure);
      windows.add(new Window(day, arrival, departure));
    }
    return windows;
  }

  /** Every window the class accepts, its own first, each on a day ({@code day} for those that named none). */
  public List<Window> windows(LocalDate day) {
    List<Window> all = new ArrayList<>();
    all.add(new Window(day, booking.arrival(), booking.departure()));
    otherWindows.forEach(w -> all.add(new Window(w.day() == null ? day : w.day(), w.arrival(), w.departure())));
    return all;
  }

  /** The request as the API's body spells it: what a PATCH is merged into, and what a retry must repeat. */
  public JsonObject toJson() {
    BookingRequest b = booking;
    JsonArray windows = new JsonArray();
    otherWindows.forEach(w -> windows.add(new JsonObject().put("day", w.day() == null ? null : w.day().toString())
        .put("arrival", w.arrival().toString()).put("departure", w.departure().toString())));
    return new JsonObject()
        .put("school", new JsonObject().put("name", b.school().name()).put("uai", b.school().uai())
            .put("city", b.school().city()))
        .put("teacher", new JsonObject().put("name", b.teacher().name()).put("email", b.teacher().email()))
        .put("class", new JsonObject().put("name", b.group().name()).put("level", b.group().level()))
        .put("pupils", b.pupils()).put("adults", b.adults())
        .put("day", b.day() == null ? null : b.day().toString())
        .put("arrival", b.arrival().toString()).put("departure", b.departure().toString())
        .put("choices", new JsonArray(new ArrayList<>(choices)))
        .put("any_other", anyOther)
        .put("windows", windows)
        .put("priority_education", priorityEducation);
  }

  public String fingerprint() {
    return IdempotencyKeys.fingerprint(toJson().encode());
  }
}
