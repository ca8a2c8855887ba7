package fr.parcours.imports;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Slugs;
import fr.parcours.fair.TrackColours;
import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column a file may have: the field it fills, the headers that name it, and how a cell
 * becomes the field's value ("oui", "x" or "1" for yes; a decimal comma; a room's kind in French).
 */
public record Column(String field, Type type, List<String> headers) {

  /** How a cell is read. */
  public enum Type { TEXT, WHOLE, DECIMAL, FLAG, ROOM_KIND, REFERENCE, COLOUR, LEVELS }

  private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
  private static final Set<String> NO = Set.of("non", "n", "no", "false", "faux", "0");
  private static final Map<String, String> ROOM_KINDS = Map.ofEntries(
      Map.entry("conference", "conference"), Map.entry("amphi", "conference"), Map.entry("amphitheatre", "conference"),
      Map.entry("salle de conference", "conference"), Map.entry("workshop", "workshop"),
      Map.entry("atelier", "workshop"), Map.entry("salle", "workshop"), Map.entry("classe", "workshop"),
      Map.entry("other", "other"), Map.entry("autre", "other"));
  /** A palette colour by its name in either language ("bleu", "blue"), as compared. */
  private static final Map<String, String> COLOURS = colours();
  /** A school level as people write it: "3e", "3ème", "troisième", "2de", "seconde", "Tle"… */
  private static final Map<String, String> LEVEL_WORDS = Map.ofEntries(
      Map.entry("4e", "4e"), Map.entry("4eme", "4e"), Map.entry("quatrieme", "4e"),
      Map.entry("3e", "3e"), Map.entry("3eme", "3e"), Map.entry("troisieme", "3e"),
      Map.entry("2nde", "2nde"), Map.entry("2de", "2nde"), Map.entry("seconde", "2nde"),
      Map.entry("1re", "1re"), Map.entry("1ere", "1re"), Map.entry("premiere", "1re"),
      Map.entry("terminale", "Terminale"), Map.entry("tle", "Terminale"), Map.entry("term", "Terminale"));
  private static final Pattern LEVEL_SEPARATORS = Pattern.compile("[,;/+]|\\s+et\\s+|\\s+");

  Column(String field, Type type, String... headers) {
    this(field, type, List.of(headers));
  }

  /** Whether a header names this column, whatever its accents, case, spaces or punctuation. */
  boolean named(String header) {
    return headers.contains(plain(header));
  }

  /** A header or a word as compared: "Capacité (places)" → "capacite places" → matched without its spaces. */
  static String plain(String text) {
    if (text.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c >= 128) {
        // Accents need the Unicode decomposition: rare enough in a file's cells to take the slow way.
        return Slugs.slugify(text).replace('-', ' ');
      }
      boolean wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (wordChar) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    int end = out.length();
    return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
  }

  /** The cell's value for the API's body, or a {@link FieldError} (named after the field) when it cannot be one. */
  Object read(String cell) {
    String text = cell.strip();
    return switch (type) {
      case TEXT, REFERENCE -> text;
      case WHOLE -> whole(text);
      case DECIMAL -> decimal(text);
      case FLAG -> flag(text);
      case ROOM_KIND -> roomKind(text);
      case COLOUR -> colour(text);
      case LEVELS -> levels(text);
    };
  }

  private static Map<String, String> colours() {
    Map<String, String> colours = new HashMap<>();
    TrackColours.PALETTE.forEach((name, hex) -> {
      colours.put(plain(name), hex);
      Catalogue.LANGUAGES.forEach(language -> colours.put(plain(Catalogue.text(language, "colour_" + name)), hex));
    });
    return Map.copyOf(colours);
  }

  /** A palette colour by name, or {@code #rrggbb} as it is (whether white text reads on it is the track's rule). */
  private Object colour(String text) {
    if (TrackColours.isHex(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String hex = COLOURS.get(plain(text));
    return hex != null ? hex : FieldError.of(field, "COLOUR_UNKNOWN", Map.of("colour", text));
  }

  /** "3e, 2nde" (or "3e et 2nde", "3e/2nde") as the levels' list. */
  private Object levels(String text) {
    JsonArray levels = new JsonArray();
    for (String word : LEVEL_SEPARATORS.split(text)) {
      if (word.isBlank()) {
        continue;
      }
      String level = LEVEL_WORDS.get(plain(word).replace(" ", ""));
      if (level == null) {
        return FieldError.of(field, "LEVEL_UNKNOWN", Map.of("level", word.strip()));
      }
      if (!levels.contains(level)) {
        levels.add(level);
      }
    }
    return levels;
  }

  private Object whole(String text) {
    try {
      return Integer.parseInt(text.replace(" ", "").replace("\u00a0", ""));
    } catch (NumberFormatException e) {
      return FieldError.of(field, "NOT_WHOLE_NUMBER");
    }
  }

  private Object decimal(String text) {
    try {
      return Double.parseDouble(text.replace(',', '.'));
    } catch (NumberFormatException e) {
      return FieldError.of(field, "NOT_NUMBER");
    }
  }

  private Object flag(String text) {
    String word = plain(text);
    if (word.isEmpty() || NO.contains(word)) {
      return false;
    }
    return YES.contains(word) ? Boolean.TRUE : FieldError.of(field, "NOT_BOOLEAN");
  }

  private Object roomKind(String text) {
    String kind = ROOM_KINDS.get(plain(text));
    return kind != null ? kind : FieldError.of(field, "ROOM_KIND", Map.of());
  }
}
