package fr.parcours.edition;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.Slugs;
import fr.parcours.web.JsonInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a copy of an edition asks for: the new fair's name, slug, city and days (the i-th day of
 * the source, by date, becomes the i-th given), whether its places come along, and whether last
 * edition's associations are invited to take part again.
 */
record CopyRequest(String name, String slug, String city, List<LocalDate> days, boolean rooms,
                   boolean inviteAssociations) {

  private static final List<String> ASSOCIATIONS = List.of("invite", "none");

  /** Reads the body against the source fair: its city and day count are the defaults and the rule. */
  static CopyRequest read(JsonInput in, Fair source) {
    String name = in.requiredText("name");
    String slug = in.has("slug") ? in.requiredSlug("slug") : null;
    String city = Objects.requireNonNullElse(in.optionalText("city"), source.details().city());
    List<LocalDate> days = days(in, source.days().size());
    JsonInput copy = in.optionalObject("copy");
    Boolean rooms = copy == null ? null : copy.optionalBoolean("rooms");
    String associations = copy == null ? null : copy.optionalChoice("associations", ASSOCIATIONS);
    in.validate();
    return new CopyRequest(name, slug == null ? Slugs.slugify(name) : slug, city, days,
        // Rooms belong to a venue of a city: another city starts without them unless asked.
        Objects.requireNonNullElse(rooms, city.equalsIgnoreCase(source.details().city())),
        "invite".equals(associations));
  }

  private static List<LocalDate> days(JsonInput in, int sourceDays) {
    List<String> given = in.optionalTextList("days");
    if (given == null) {
      return in.error("days", "REQUIRED", Map.of());
    }
    if (given.size() != sourceDays) {
      return in.error("days", "DAY_COUNT", Map.of("count", sourceDays));
    }
    Set<LocalDate> seen = new HashSet<>();
    List<LocalDate> days = given.stream().map(text -> {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }).toList();
    if (days.contains(null)) {
      return in.error("days", "NOT_DATE", Map.of());
    }
    if (!days.stream().allMatch(seen::add)) {
      return in.error("days", "LISTED_TWICE", Map.of());
    }
    return days.stream().sorted().toList();
  }

  /** The source's days by date, each paired with the new day it becomes. */
  static List<LocalDate> sourceDays(Fair source) {
    return source.days().stream().map(FairDay::day).sorted().toList();
  }
}
