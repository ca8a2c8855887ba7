package fr.parcours.fair;

import fr.parcours.i18n.Catalogue;
import fr.parcours.i18n.Field;
import fr.parcours.web.JsonInput;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads a fair's body: every field for a creation, only the fields present for a PATCH. */
final class FairInput {

  private static final int DEFAULT_CHANGEOVER = 10;

  private FairInput() {
  }

  /** The details of a new fair ({@code current} null) or {@code current} with the body's changes. */
  static FairDetails read(JsonInput in, FairDetails current) {
    FairDetails details = new FairDetails(
        pick(in, current, "slug", FairDetails::slug, () -> in.requiredSlug("slug")),
        pick(in, current, "name", FairDetails::name, () -> in.requiredText("name")),
        pick(in, current, "city", FairDetails::city, () -> in.requiredText("city")),
        pick(in, current, "description", FairDetails::description, () -> in.optionalText("description", "")),
        pick(in, current, "time_zone", FairDetails::zone, () -> in.requiredZone("time_zone")),
        pick(in, current, "status", FairDetails::status, () -> Objects.requireNonNullElse(
            in.optionalChoice("status", FairDetails.STATUSES), FairDetails.DRAFT)),
        pick(in, current, "registration_opens_at", FairDetails::registrationOpensAt,
            () -> in.optionalDateTime("registration_opens_at")),
        pick(in, current, "registration_closes_at", FairDetails::registrationClosesAt,
            () -> in.optionalDateTime("registration_closes_at")),
        pick(in, current, "changeover_minutes", FairDetails::changeoverMinutes,
            () -> Objects.requireNonNullElse(in.optionalInt("changeover_minutes", 0), DEFAULT_CHANGEOVER)),
        pick(in, current, "days", FairDetails::days, () -> days(in)),
        pick(in, current, "language", FairDetails::language, () -> Objects.requireNonNullElse(
            in.optionalChoice("language", Catalogue.LANGUAGES), FairDetails.DEFAULT_LANGUAGE)),
        pick(in, current, "registration", FairDetails::registration, () -> registration(in)
            .publishedAt(current == null ? null : current.registration().allocationPublishedAt())));
    checkRegistrationWindow(in, details.registrationOpensAt(), details.registrationClosesAt());
    in.validate();
    return details;
  }

  private static <T> T pick(JsonInput in, FairDetails current, String field,
                            Function<FairDetails, T> stored, Supplier<T> reader) {
    return current == null || in.has(field) ? reader.get() : stored.apply(current);
  }

  private static List<FairDay> days(JsonInput in) {
    List<JsonInput> items = in.objectList("days", true);
    if (items.isEmpty() && in.valid()) {
      in.error("days", "NO_DAY", Map.of());
    }
    Set<Object> seen = new HashSet<>();
    List<FairDay> days = items.stream().map(item -> day(item, seen)).filter(Objects::nonNull).toList();
    return in.valid() ? days : List.of();
  }

  private static FairDay day(JsonInput item, Set<Object> seen) {
    FairDay day = new FairDay(item.requiredDate("date"), item.requiredTime("opens_at"), item.requiredTime("closes_at"));
    if (day.day() != null && !seen.add(day.day())) {
      return item.error("date", "LISTED_TWICE", Map.of());
    }
    if (day.opensAt() == null || day.closesAt() == null || day.day() == null) {
      return null;
    }
    item.check(day.closesAt().isAfter(day.opensAt()), "closes_at", "AFTER", Map.of("other", Field.of("opens_at")));
    return day;
  }

  /**
   * The registration settings, replaced whole when the body names them. In allocation mode the
   * request window and the allocation date are required, in that order: the allocation reads
   * requests that can no longer change.
   */
  private static RegistrationSettings registration(JsonInput body) {
    JsonInput in = body.optionalObject("registration");
    if (in == null) {
      return RegistrationSettings.FIRST_COME_ONLY;
    }
    String mode = in.requiredChoice("mode", RegistrationSettings.MODES);
    boolean allocation = RegistrationSettings.ALLOCATION.equals(mode);
    OffsetDateTime open = dateTime(in, "requests_open", allocation);
    OffsetDateTime close = dateTime(in, "requests_close", allocation);
    OffsetDateTime allocationAt = dateTime(in, "allocation_at", allocation);
    Integer offerHours = in.optionalInt("offer_hours", 1, RegistrationSettings.MAX_OFFER_HOURS);
    in.check(open == null || close == null || close.isAfter(open), "requests_close", "AFTER",
        Map.of("other", Field.of("registration.requests_open")));
    in.check(close == null || allocationAt == null || !allocationAt.isBefore(close), "allocation_at", "NOT_BEFORE",
        Map.of("other", Field.of("registration.requests_close")));
    return new RegistrationSettings(mode, open, close, allocationAt, offerHours, null);
  }

  private static OffsetDateTime dateTime(JsonInput in, String field, boolean required) {
    return required ? in.requiredDateTime(field) : in.optionalDateTime(field);
  }

  private static void checkRegistrationWindow(JsonInput in, OffsetDateTime opens, OffsetDateTime closes) {
    if (opens != null && closes != null) {
      in.check(closes.isAfter(opens), "registration_closes_at", "AFTER", Map.of("other", Field.of("registration_opens_at")));
    }
  }
}
