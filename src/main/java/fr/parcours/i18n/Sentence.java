package fr.parcours.i18n;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills a catalogue text's named parameters, in the ICU style translators know:
 * {@code {name}}, {@code {count, plural, one {# place restante} other {# places restantes}}}
 * (with {@code =N} for exact numbers; French says "one" for 0 and 1, English for 1 alone),
 * {@code {kind, select, talk {…} other {…}}}. A value is said in the text's language: a
 * {@link Term} by its catalogue text, a {@link Field} by its form label, dates and times as
 * people write them ({@link Dates}), a collection as a list.
 */
public final class Sentence {

  private final Map<String, ?> params;
  private final String language;

  private Sentence(Map<String, ?> params, String language) {
    this.params = params;
    this.language = language;
  }

  public static String format(String pattern, Map<String, ?> params, String language) {
    return new Sentence(params, language).render(pattern, null);
  }

  /** The text of one value in the language. */
  public static String value(Object value, String language) {
    if (value == null) {
      return "";
    }
    if (value instanceof Term term) {
      return Catalogue.say(language, term.key(), term.params());
    }
    if (value instanceof Field field) {
      return Catalogue.label(language, field.path());
    }
    if (value instanceof LocalTime time) {
      return Dates.time(language, time);
    }
    if (value instanceof LocalDate date) {
      return Dates.date(language, date);
    }
    if (value instanceof Span span) {
      return Dates.range(language, span.from(), span.to());
    }
    if (value instanceof LocalDateTime dateTime) {
      return Dates.dateTime(language, dateTime);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> value(item, language)).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  private String render(String text, Object count) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int end = closing(text, i);
        out.append(element(text.substring(i + 1, end), count));
        i = end + 1;
      } else {
        out.append(c == '#' && count != null ? value(count, language) : String.valueOf(c));
        i++;
      }
    }
    return out.toString();
  }

  private String element(String inside, Object count) {
    String[] parts = inside.split(",", 3);
    Object value = params.get(parts[0].strip());
    if (parts.length < 3) {
      return value(value, language);
    }
    Map<String, String> options = options(parts[2]);
    String type = parts[1].strip();
    if (type.equals("plural") && number(value) != null) {
      long n = number(value);
      String chosen = options.getOrDefault("=" + n, options.getOrDefault(category(n), options.get("other")));
      return render(chosen == null ? "" : chosen, value);
    }
    String chosen = options.getOrDefault(String.valueOf(value), options.get("other"));
    return render(chosen == null ? "" : chosen, count);
  }

  /** A count given as a number or as digits (a bound read from the settings). */
  private static Long number(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value instanceof String text && text.matches("-?\\d{1,18}") ? Long.parseLong(text) : null;
  }

  private String category(long n) {
    boolean one = language.equals("fr") ? n == 0 || n == 1 : n == 1;
    return one ? "one" : "other";
  }

  /** {@code selector {text} selector {text}…} as a map. */
  private static Map<String, String> options(String text) {
    Map<String, String> options = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        break;
      }
      int end = closing(text, open);
      options.put(text.substring(i, open).strip(), text.substring(open + 1, end));
      i = end + 1;
    }
    return options;
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("Unbalanced braces in message: " + text);
  }
}
