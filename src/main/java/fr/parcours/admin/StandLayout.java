package fr.parcours.admin;

import fr.parcours.imports.CsvTable;
import fr.parcours.web.JsonInput;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand area laid out as rows × columns of numbered spots of one size, an aisle between them,
 * numbered row by row from {@code first} (with an optional prefix: A1, A2…); the spots become a
 * table for the stand-spot import, so they pass the same checks as a file would.
 */
record StandLayout(int rows, int columns, double width, double depth, double aisle, int first, String prefix,
                   boolean power) {

  /** Spots one layout may hold: a hall, not a city. */
  static final int MAX_SIDE = 30;
  private static final List<String> NUMBERS = List.of("rows", "columns", "width", "depth", "aisle", "first");

  /** The layout a form gives, or null with its problems recorded in {@code in}. */
  static StandLayout read(JsonInput in) {
    Integer rows = in.requiredInt("rows", 1, MAX_SIDE);
    Integer columns = in.requiredInt("columns", 1, MAX_SIDE);
    Double width = in.requiredDecimal("width", 0.1);
    Double depth = in.requiredDecimal("depth", 0.1);
    Double aisle = in.optionalDecimal("aisle", 0);
    Integer first = in.optionalInt("first", 1);
    String prefix = in.optionalText("prefix", "");
    Boolean power = in.optionalBoolean("power");
    if (!in.valid()) {
      return null;
    }
    return new StandLayout(rows, columns, width, depth, aisle == null ? 0 : aisle, first == null ? 1 : first, prefix,
        Boolean.TRUE.equals(power));
  }

  /** The form's fields as the reader takes them: whole numbers and decimals (a decimal comma too) as numbers. */
  static JsonObject body(MultiMap form) {
    JsonObject body = new JsonObject();
    for (String field : NUMBERS) {
      String typed = form.get(field);
      if (typed != null && !typed.isBlank()) {
        body.put(field, number(typed.strip()));
      }
    }
    if (form.get("prefix") != null && !form.get("prefix").isBlank()) {
      body.put("prefix", form.get("prefix").strip());
    }
    return body.put("power", form.contains("power"));
  }

  private static Object number(String typed) {
    try {
      return Integer.parseInt(typed);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.parseDouble(typed.replace(',', '.'));
      } catch (NumberFormatException notNumber) {
        return typed;
      }
    }
  }

  /** The spots in {@code zone} as the stand-spot import's table (line 2 is the first spot). */
  CsvTable table(String zone) {
    List<CsvTable.Record> records = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        int number = first + row * columns + column;
        records.add(new CsvTable.Record(records.size() + 2, List.of(prefix + number, zone,
            String.valueOf(column * (width + aisle)), String.valueOf(row * (depth + aisle)), String.valueOf(width),
            String.valueOf(depth), power ? "1" : "0")));
      }
    }
    return new CsvTable(List.of("number", "zone", "x", "y", "width", "depth", "power"), records);
  }
}
