package fr.parcours.config;

import java.util.Locale;

/**
 * One setting: {@code section.key} in {@code conf/config.json}, {@code PARCOURS_SECTION_KEY} in
 * the environment, its type (which refuses a bad value naming it), its default and one line of
 * documentation. {@link Settings} lists them all; the README table is checked against it.
 */
public record Setting<T>(String section, String key, Type<T> type, T defaultValue, String doc) {

  public String name() {
    return section + "." + key;
  }

  public String environmentVariable() {
    return ConfigLoader.ENV_PREFIX + (section + "_" + key).toUpperCase(Locale.ROOT);
  }

  /** How a value is read from the file (JSON) or from an environment variable (text). */
  public sealed interface Type<T> {

    /** The value, or an {@link IllegalArgumentException} whose message says what it must be. */
    T fromJson(Object value);

    T fromText(String text);

    /** For the README: "text", "1 to 65535", "true or false". */
    String describe();
  }

  /** Any string, possibly empty. */
  public record Text() implements Type<String> {
    @Override
    public String fromJson(Object value) {
      if (value instanceof String text) {
        return text;
      }
      throw new IllegalArgumentException("must be a JSON string");
    }

    @Override
    public String fromText(String text) {
      return text;
    }

    @Override
    public String describe() {
      return "text";
    }
  }

  /** A whole number within {@code [min, max]}. */
  public record WholeNumber(int min, int max) implements Type<Integer> {
    @Override
    public Integer fromJson(Object value) {
      if (value instanceof Integer || value instanceof Long) {
        return within(((Number) value).longValue());
      }
      throw new IllegalArgumentException(mustBe());
    }

    @Override
    public Integer fromText(String text) {
      try {
        return within(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(mustBe(), e);
      }
    }

    private Integer within(long value) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(mustBe());
      }
      return (int) value;
    }

    private String mustBe() {
      return "must be a whole number from " + min + " to " + max;
    }

    @Override
    public String describe() {
      return min + " to " + max;
    }
  }

  /** {@code true} or {@code false}, nothing else: "yes" or "1" are refused, not read as false. */
  public record Flag() implements Type<Boolean> {
    @Override
    public Boolean fromJson(Object value) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      throw new IllegalArgumentException("must be true or false");
    }

    @Override
    public Boolean fromText(String text) {
      return switch (text.trim()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("must be true or false");
      };
    }

    @Override
    public String describe() {
      return "true or false";
    }
  }
}
