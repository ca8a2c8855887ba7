package fr.parcours.imports;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Slugs;
import fr.parcours.fair.resource.FairProgramme;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a table of rows would change in a fair, decided in plain Java from the table and the
 * fair's current places: each line becomes the API body of a creation or an edit (its key, a
 * room's slug or a spot's number, says which), or the problems that line has. Linear in the rows.
 */
public record ImportPlan(List<Row> rows, List<LineError> errors, List<String> ignoredColumns) {

  /** One line to apply: create or update the resource named {@code key} with {@code body}. */
  public record Row(int line, boolean creating, String key, JsonObject body) {
  }

  /** A problem of one line (line 1 is the header). */
  public record LineError(int line, FieldError error) {
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public long creations() {
    return rows.stream().filter(Row::creating).count();
  }

  /** Plans {@code table} against the fair's programme: its resources of this kind and the places rows name. */
  public static ImportPlan of(ImportKind kind, CsvTable table, FairProgramme programme) {
    List<LineError> errors = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    Column[] columns = columns(kind, table.header(), errors, ignored);
    Set<String> existing = kind.keysIn(programme);
    Map<String, String> placeNames = kind.placesIn(programme);
    Map<String, String> places = places(placeNames);
    String onlyPlace = placeNames.size() == 1 ? placeNames.keySet().iterator().next() : null;
    if (!errors.isEmpty()) {
      return new ImportPlan(List.of(), errors, ignored);
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Record record : table.records()) {
      JsonObject body = new JsonObject();
      int before = errors.size();
      for (int i = 0; i < columns.length && i < record.cells().size(); i++) {
        if (columns[i] != null && !record.cells().get(i).isBlank()) {
          Object value = columns[i].read(record.cells().get(i));
          if (value instanceof FieldError problem) {
            errors.add(new LineError(record.line(), problem));
          } else {
            body.put(columns[i].field(), value);
          }
        }
      }
      String key = key(kind, body);
      boolean creating = key == null || !existing.contains(key);
      resolvePlace(kind, body, places, onlyPlace, creating, record.line(), errors);
      Integer first = key == null ? null : seen.putIfAbsent(key, record.line());
      if (first != null) {
        errors.add(new LineError(record.line(), FieldError.of(kind.key(), "SAME_AS_LINE", Map.of("line", first))));
      }
      if (errors.size() == before) {
        rows.add(new Row(record.line(), creating, key, body));
      }
    }
    return new ImportPlan(rows, errors, ignored);
  }

  /** The column each header names (null for one it does not); a required column missing is a line-1 error. */
  private static Column[] columns(ImportKind kind, List<String> header, List<LineError> errors, List<String> ignored) {
    Column[] found = new Column[header.size()];
    Set<String> named = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String title = header.get(i);
      found[i] = kind.columns().stream().filter(column -> column.named(title)).findFirst().orElse(null);
      if (found[i] == null) {
        ignored.add(title);
      } else if (!named.add(found[i].field())) {
        errors.add(new LineError(1, FieldError.of(found[i].field(), "COLUMN_TWICE", Map.of())));
      }
    }
    if (!named.contains(kind.keySource())) {
      errors.add(new LineError(1, FieldError.of(kind.keySource(), "COLUMN_MISSING", Map.of())));
    }
    return found;
  }

  /** The row's key: given, or made from its name (a room's slug). */
  private static String key(ImportKind kind, JsonObject body) {
    String given = body.getString(kind.key());
    if (given == null && body.getString(kind.keySource()) != null) {
      given = Slugs.slugify(body.getString(kind.keySource()));
      body.put(kind.key(), given);
    }
    return given;
  }

  /** The place a row names by slug or by name becomes its slug; a fair of one place needs none for a new row. */
  private static void resolvePlace(ImportKind kind, JsonObject body, Map<String, String> places, String onlyPlace,
                                   boolean creating, int line, List<LineError> errors) {
    if (kind.reference() == null) {
      return;
    }
    String named = body.getString(kind.reference());
    if (named == null) {
      if (creating && onlyPlace != null) {
        body.put(kind.reference(), onlyPlace);
      }
      return;
    }
    String slug = places.get(Column.plain(named));
    if (slug == null) {
      errors.add(new LineError(line, FieldError.of(kind.reference(), "UNKNOWN_IN_FAIR", Map.of())));
    } else {
      body.put(kind.reference(), slug);
    }
  }

  /** Each place by its slug and by its name, both as compared, to its slug. */
  private static Map<String, String> places(Map<String, String> names) {
    Map<String, String> places = new HashMap<>();
    names.forEach((slug, name) -> {
      places.put(Column.plain(slug), slug);
      places.put(Column.plain(name), slug);
    });
    return places;
  }
}
