package fr.parcours.admin;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.SchoolLevels;
import fr.parcours.fair.TrackColours;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.imports.Column;
import fr.parcours.imports.CsvTable;
import fr.parcours.imports.ImportKind;
import fr.parcours.imports.ImportPlan;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many rooms or stand spots on one form, one row each: the rows are read as the CSV import
 * reads a file (the same columns, the same checks, all or nothing), so a table typed on the
 * page and a paste from a spreadsheet are one path. Row {@code i} is the table's line
 * {@code i + 2} (line 1 is the header), which is how the import names a row's problems.
 */
final class BulkTable {

  /** Blank rows under the existing ones, unless the page asks for more ({@code ?rows=}). */
  static final int BLANK_ROWS = 10;
  static final int MAX_BLANK_ROWS = 200;
  private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(.+)");
  private static final List<String> ROOM_KINDS = List.of("conference", "workshop", "other");

  private BulkTable() {
  }

  /** The filled rows of the form as a table the import plans (a row of blank cells and unticked boxes is skipped). */
  static CsvTable table(ImportKind kind, MultiMap form) {
    List<String> header = kind.columns().stream().map(Column::field).toList();
    List<CsvTable.Record> records = new ArrayList<>();
    for (int i = 0; form.contains(cell(i, "row")); i++) {
      int row = i;
      List<String> cells = kind.columns().stream().map(column -> switch (column.type()) {
        case FLAG -> form.contains(cell(row, column.field())) ? "1" : "0";
        case LEVELS -> String.join(",", form.getAll(cell(row, column.field())));
        default -> form.get(cell(row, column.field())) == null ? "" : form.get(cell(row, column.field()));
      }).toList();
      // A row is filled by what was typed: boxes, lists and choices with a default alone leave it blank.
      boolean filled = kind.columns().stream().anyMatch(column -> (column.type() == Column.Type.TEXT
          || column.type() == Column.Type.WHOLE || column.type() == Column.Type.DECIMAL)
          && !cells.get(header.indexOf(column.field())).isBlank());
      if (filled) {
        records.add(new CsvTable.Record(i + 2, cells));
      }
    }
    return new CsvTable(header, records);
  }

  /** An import's refusal as the problems of its lines ({@code lines[7].capacity}); null when it is another refusal. */
  static List<ImportPlan.LineError> lineErrors(Throwable error) {
    if (!(error instanceof AppException refused) || !"IMPORT_REFUSED".equals(refused.code())) {
      return null;
    }
    List<ImportPlan.LineError> errors = new ArrayList<>();
    for (FieldError detail : refused.details()) {
      Matcher named = LINE_FIELD.matcher(detail.field());
      if (named.matches()) {
        errors.add(new ImportPlan.LineError(Integer.parseInt(named.group(1)),
            new FieldError(named.group(2), detail.code(), detail.params())));
      }
    }
    return errors;
  }

  /**
   * The table's model: its columns, then a row per existing item (or as typed, after a refusal)
   * and {@code blank} rows to fill, each cell with its input and each row with its problems.
   */
  static JsonObject model(ImportKind kind, FairProgramme programme, MultiMap typed, int blank,
                          List<ImportPlan.LineError> errors, String language, JsonObject messages) {
    List<Map<String, Object>> existing = kind.rowsIn(programme);
    Map<String, String> places = kind.placesIn(programme);
    List<Column> shown = kind.columns().stream().filter(column -> !hidden(kind, column)).toList();
    JsonArray rows = new JsonArray();
    int count = typed != null ? countRows(typed) : existing.size() + blank;
    for (int index = 0; index < count; index++) {
      int i = index;
      Map<String, Object> item = typed == null && i < existing.size() ? existing.get(i) : null;
      List<ImportPlan.LineError> own = errors.stream().filter(e -> e.line() == i + 2).toList();
      JsonArray cells = new JsonArray();
      for (Column column : shown) {
        String value = typed != null ? typed.get(cell(i, column.field()))
            : item == null || item.get(column.field()) == null ? null : String.valueOf(item.get(column.field()));
        boolean ticked = typed != null ? typed.contains(cell(i, column.field())) : "true".equals(value);
        List<String> chosen = typed != null ? typed.getAll(cell(i, column.field()))
            : item != null && item.get(column.field()) instanceof List<?> list
            ? list.stream().map(String::valueOf).toList() : List.of();
        cells.add(input(kind, column, i, value, ticked, chosen, places, messages)
            .put("invalid", own.stream().anyMatch(e -> e.error().field().equals(column.field()))));
      }
      String key = typed != null ? typed.get(cell(i, kind.key()))
          : item == null ? null : String.valueOf(item.get(kind.key()));
      rows.add(new JsonObject().put("index", i).put("marker", cell(i, "row")).put("cells", cells)
          .put("key_name", hidden(kind, kind.key()) ? cell(i, kind.key()) : null).put("key", key)
          .put("existing", key != null && !key.isBlank())
          .put("errors", new JsonArray(own.stream().map(e -> (Object) (e.error().label(language) + " : "
              + e.error().text(language))).toList())));
    }
    return new JsonObject().put("kind", kind.path())
        .put("columns", new JsonArray(shown.stream().map(c -> (Object) messages.getString("field_" + c.field(), c.field()))
            .toList()))
        .put("span", shown.size()).put("rows", rows);
  }

  /** A room's slug is made from its name: it stays a hidden field of the rows it names. */
  private static boolean hidden(ImportKind kind, Column column) {
    return hidden(kind, column.field());
  }

  private static boolean hidden(ImportKind kind, String field) {
    return field.equals(kind.key()) && !kind.key().equals(kind.keySource());
  }

  private static int countRows(MultiMap form) {
    int count = 0;
    while (form.contains(cell(count, "row"))) {
      count++;
    }
    return count;
  }

  static String cell(int row, String field) {
    return "r" + row + "." + field;
  }

  private static JsonObject input(ImportKind kind, Column column, int row, String value, boolean ticked,
                                  List<String> chosen, Map<String, String> places, JsonObject messages) {
    JsonObject input = new JsonObject().put("name", cell(row, column.field()))
        .put("id", kind.path() + "-" + row + "-" + column.field())
        .put("label", messages.getString("field_" + column.field(), column.field()))
        .put("value", value == null ? "" : value);
    return switch (column.type()) {
      case FLAG -> input.put("checkbox", true).put("checked", ticked);
      case WHOLE -> input.put("input", "number").put("step", "1");
      case DECIMAL -> input.put("input", "number").put("step", "any");
      case ROOM_KIND -> input.put("select", true).put("options", options(ROOM_KINDS.stream()
          .map(k -> new String[] {k, messages.getString("room_kind_" + k)}).toList(), value, true));
      case REFERENCE -> input.put("select", true).put("options", options(places.entrySet().stream()
          .map(place -> new String[] {place.getKey(), place.getValue()}).toList(), value, places.size() != 1));
      case TEXT -> input.put("input", "text");
      case COLOUR -> input.put("select", true).put("swatch", value == null || value.isBlank() ? null : value)
          .put("options", options(colours(value, messages), value == null || value.isBlank()
              ? TrackColours.PALETTE.values().stream().skip(row % TrackColours.PALETTE.size()).findFirst().orElseThrow()
              : value, false));
      case LEVELS -> input.put("choices", new JsonArray(SchoolLevels.ALL.stream().map(level -> (Object) new JsonObject()
          .put("value", level).put("name", cell(row, column.field())).put("id", kind.path() + "-" + row + "-" + column.field() + "-" + level)
          .put("checked", chosen.contains(level))).toList()));
    };
  }

  /** The palette by its names in the page's language, and a colour stored outside it as itself. */
  private static List<String[]> colours(String current, JsonObject messages) {
    List<String[]> colours = new ArrayList<>(TrackColours.PALETTE.entrySet().stream()
        .map(colour -> new String[] {colour.getValue(), messages.getString("colour_" + colour.getKey())}).toList());
    if (current != null && !current.isBlank() && !TrackColours.PALETTE.containsValue(current)) {
      colours.add(new String[] {current, current});
    }
    return colours;
  }

  /** Choices as value and label; a blank first choice unless there is one place to pick (then it is picked). */
  private static JsonArray options(List<String[]> choices, String selected, boolean blankFirst) {
    JsonArray options = new JsonArray();
    if (blankFirst) {
      options.add(new JsonObject().put("value", "").put("label", "—"));
    }
    choices.forEach(choice -> options.add(new JsonObject().put("value", choice[0]).put("label", choice[1])
        .put("selected", choice[0].equals(selected))));
    return options;
  }
}
