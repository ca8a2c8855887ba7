package fr.parcours.web;

import java.util.Map;

/**
 * The largest text and the longest list any request field may hold, by the field's own name
 * (its last path segment: {@code teacher.email} is an {@code email}). Every text is bounded,
 * so no value outgrows a database index or an email; every list is bounded, so validating a
 * body stays a few milliseconds of an event loop. The README's limits table mirrors this class.
 */
public final class InputLimits {

  /** Any text not named below: names, titles, cities, levels, slugs, spots, passwords. */
  public static final int TEXT = 200;
  /** Free prose: descriptions, messages to an association. */
  public static final int LONG_TEXT = 4000;
  /** RFC 5321 caps an address at 254 characters. */
  public static final int EMAIL = 254;
  public static final int URL = 500;
  /** Any list not named below: slots, days, availability rows… */
  public static final int ITEMS = 200;
  public static final int TRADES = 50;
  /** Lengths in metres (stand spots and needs): the columns hold up to 99,999.99. */
  public static final double METRES = 10_000;

  private static final Map<String, Integer> TEXTS = Map.of(
      "description", LONG_TEXT, "message", LONG_TEXT,
      "email", EMAIL, "contact_email", EMAIL,
      "website", URL);
  private static final Map<String, Integer> LISTS = Map.of("trades", TRADES);

  private InputLimits() {
  }

  public static int maxLength(String field) {
    return TEXTS.getOrDefault(field, TEXT);
  }

  public static int maxItems(String field) {
    return LISTS.getOrDefault(field, ITEMS);
  }
}
