package fr.parcours.association;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Field;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an association writes in an offer: under which theme (a track's slug), what, for whom,
 * how long, with how many of its people and when they are there, the trades its job
 * ambassadors present and what it needs on site.
 */
public record OfferDraft(OfferKind kind, String theme, String title, String description, String audience,
                  int durationMinutes, int people, List<Interval> availability, List<String> trades, Needs needs) {

  static final List<String> AUDIENCES = List.of("3e", "2nde", "both");
  static final int TALK_MINUTES = 30;
  private static final int MAX_MINUTES = 8 * 60;
  private static final int MAX_PEOPLE = 100;

  /** Power, how many tables, a screen. */
  public record Needs(boolean power, int tables, boolean screen) {
    static final Needs NONE = new Needs(false, 0, false);

    JsonObject toJson() {
      return new JsonObject().put("power", power).put("tables", tables).put("screen", screen);
    }
  }

  public OfferDraft {
    availability = List.copyOf(availability);
    trades = List.copyOf(trades);
  }

  public boolean placeable() {
    return kind.session().isPresent();
  }

  /**
   * Reads a whole offer; an edit reads the stored offer's JSON with the body's fields laid over
   * it, so that it is checked whole. Talks last 30 minutes unless told; windows lie within a fair day.
   */
  static OfferDraft read(JsonInput in, Fair fair) {
    String kind = in.requiredChoice("kind", OfferKind.NAMES);
    String theme = in.requiredSlug("theme");
    String title = in.requiredText("title");
    String description = in.optionalText("description", "");
    String audience = Objects.requireNonNullElse(in.optionalChoice("audience", AUDIENCES), "both");
    Integer duration = OfferKind.TALK.json().equals(kind) && !in.has("duration_minutes")
        ? Integer.valueOf(TALK_MINUTES)
        : in.requiredInt("duration_minutes", 5, MAX_MINUTES);
    Integer people = in.requiredInt("people", 1, MAX_PEOPLE);
    List<Interval> availability = windows(in, fair);
    List<String> trades = Objects.requireNonNullElse(in.optionalTextList("trades"), List.of());
    Needs needs = in.has("needs") ? needs(in.requiredObject("needs")) : Needs.NONE;
    in.validate();
    return new OfferDraft(OfferKind.ofJson(kind), theme, title, description, audience, duration, people, availability,
        trades, needs);
  }

  private static List<Interval> windows(JsonInput in, Fair fair) {
    List<Interval> windows = new ArrayList<>();
    for (JsonInput item : in.objectList("availability", false)) {
      OffsetDateTime start = item.requiredDateTime("starts_at");
      OffsetDateTime end = item.requiredDateTime("ends_at");
      if (start != null && end != null) {
        Interval window = new Interval(start, end);
        item.check(!window.isEmptyOrReversed(), "ends_at", "AFTER", Map.of("other", Field.of("starts_at")));
        item.check(window.isEmptyOrReversed() || fair.dayContaining(window).isPresent(), "starts_at",
            "OUTSIDE_OPENING_HOURS", Map.of());
        windows.add(window);
      }
    }
    return windows;
  }

  private static Needs needs(JsonInput in) {
    Boolean power = in.optionalBoolean("power");
    Integer tables = in.optionalInt("tables", 0, 20);
    Boolean screen = in.optionalBoolean("screen");
    return new Needs(Objects.requireNonNullElse(power, false), Objects.requireNonNullElse(tables, 0),
        Objects.requireNonNullElse(screen, false));
  }

  JsonObject toJson(Fair fair) {
    JsonArray windows = new JsonArray();
    availability.forEach(w -> windows.add(new JsonObject().put("starts_at", FairTimes.format(w.start(), fair.zone()))
        .put("ends_at", FairTimes.format(w.end(), fair.zone()))));
    return new JsonObject().put("kind", kind.json()).put("theme", theme).put("title", title).put("description", description)
        .put("audience", audience).put("duration_minutes", durationMinutes).put("people", people)
        .put("availability", windows).put("trades", new JsonArray(trades)).put("needs", needs.toJson());
  }
}
