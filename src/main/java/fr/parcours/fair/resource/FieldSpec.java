package fr.parcours.fair.resource;

import fr.parcours.fair.TrackColours;
import fr.parcours.web.JsonInput;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One field of a fair's sub-resource: its JSON name, its column, how the body gives it, and
 * the value a creation stores when the body leaves it out. A reference field is given as the
 * slug of another resource of the same fair and stored as that resource's id.
 */
public record FieldSpec(String name, String column, Type type, boolean required, Object fallback,
                        List<String> choices, double min, String refTable) {

  /** How the body gives the value. */
  public enum Type { SLUG, TEXT, WHOLE, DECIMAL, CHOICE, REFERENCE, DATE_TIME, FLAG, COLOUR, CHOICE_LIST }

  static FieldSpec slug(String name) {
    return new FieldSpec(name, name, Type.SLUG, true, null, List.of(), 0, null);
  }

  static FieldSpec text(String name) {
    return new FieldSpec(name, name, Type.TEXT, true, null, List.of(), 0, null);
  }

  static FieldSpec optionalText(String name, String fallback) {
    return new FieldSpec(name, name, Type.TEXT, false, fallback, List.of(), 0, null);
  }

  /** A slug the body may leave out (the rule then derives it). */
  static FieldSpec optionalSlug(String name) {
    return new FieldSpec(name, name, Type.SLUG, false, null, List.of(), 0, null);
  }

  static FieldSpec whole(String name, int min, boolean required, Integer fallback) {
    return new FieldSpec(name, name, Type.WHOLE, required, fallback, List.of(), min, null);
  }

  static FieldSpec decimal(String name, double min) {
    return new FieldSpec(name, name, Type.DECIMAL, true, null, List.of(), min, null);
  }

  /** A yes/no field; the fallback applies when the body leaves it out. */
  static FieldSpec flag(String name, boolean fallback) {
    return new FieldSpec(name, name, Type.FLAG, false, fallback, List.of(), 0, null);
  }

  /** A choice; without a fallback the body must give it. */
  static FieldSpec choice(String name, List<String> choices, String fallback) {
    return new FieldSpec(name, name, Type.CHOICE, fallback == null, fallback, choices, 0, null);
  }

  static FieldSpec reference(String name, String table, boolean required) {
    return new FieldSpec(name, name + "_id", Type.REFERENCE, required, null, List.of(), 0, table);
  }

  /** A colour {@code #rrggbb} that white text on it can be read on (see {@link TrackColours}). */
  static FieldSpec colour(String name, String fallback) {
    return new FieldSpec(name, name, Type.COLOUR, false, fallback, List.of(), 0, null);
  }

  /** Some of {@code choices} (none by default), stored as a text array. */
  static FieldSpec choiceList(String name, List<String> choices) {
    return new FieldSpec(name, name, Type.CHOICE_LIST, false, new String[0], choices, 0, null);
  }

  static FieldSpec dateTime(String name) {
    return new FieldSpec(name, name, Type.DATE_TIME, true, null, List.of(), 0, null);
  }

  /** The value the body gives (a slug for references), or null with the problem recorded in {@code in}. */
  Object read(JsonInput in) {
    return switch (type) {
      case SLUG, REFERENCE -> required ? in.requiredSlug(name) : in.optionalSlug(name);
      case TEXT -> required ? in.requiredText(name) : in.optionalText(name);
      case WHOLE -> required ? in.requiredInt(name, (int) min) : in.optionalInt(name, (int) min);
      case DECIMAL -> in.requiredDecimal(name, min);
      case CHOICE -> required ? in.requiredChoice(name, choices) : in.optionalChoice(name, choices);
      case DATE_TIME -> in.requiredDateTime(name);
      case FLAG -> in.optionalBoolean(name);
      case COLOUR -> colour(in);
      case CHOICE_LIST -> {
        List<String> chosen = in.optionalChoiceList(name, choices);
        yield chosen == null ? null : chosen.stream().distinct().toArray(String[]::new);
      }
    };
  }

  private String colour(JsonInput in) {
    String colour = in.optionalText(name);
    if (colour == null) {
      return null;
    }
    if (!TrackColours.isHex(colour)) {
      return in.error(name, "COLOUR_FORMAT", Map.of());
    }
    in.check(TrackColours.readable(colour), name, "COLOUR_CONTRAST", Map.of("ratio",
        Math.floor(TrackColours.contrast(colour, TrackColours.TEXT) * 100) / 100, "min", TrackColours.MIN_CONTRAST));
    return colour.toLowerCase(Locale.ROOT);
  }
}
