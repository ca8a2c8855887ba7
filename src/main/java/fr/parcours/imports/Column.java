package fr.parcours.imports;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Slugs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One column a file may have: the field it fills, the headers that name it, and how a cell
 * becomes the field's value ("oui", "x" or "1" for yes; a decimal comma; a room's kind in French).
 */
public record Column(String field, Type type, List<String> headers) {

  /** How a cell is read. */
  public enum Type { TEXT, WHOLE, DECIMAL, FLAG, ROOM_KIND, REFERENCE }

  private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
  private static final Set<String> NO = Set.of("non", "n", "no", "false", "faux", "0");
  private static final Map<String, String> ROOM_KINDS = Map.ofEntries(
      Map.entry("conference", "conference"), Map.entry("amphi", "conference"), Map.entry("amphitheatre", "conference"),
      Map.entry("salle de conference", "conference"), Map.entry("workshop", "workshop"),
      Map.entry("atelier", "workshop"), Map.entry("salle", "workshop"), Map.entry("classe", "workshop"),
      Map.entry("other", "other"), Map.entry("autre", "other"));

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
    };
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
