package fr.parcours.web;

import fr.parcours.i18n.Catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for French Excel: UTF-8 with a byte-order mark (else accents break), ';' between cells
 * (',' is the decimal comma there), CRLF line ends. A cell holding ';', '"' or a line break is
 * quoted with doubled quotes; one starting with = + - @ gets a leading apostrophe so that a
 * spreadsheet shows it as text instead of running it as a formula.
 */
public final class Csv {

  static final String BOM = "\uFEFF";
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  private Csv() {
  }

  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder(BOM).append(line(header));
    rows.forEach(row -> out.append(line(row)));
    return out.toString();
  }

  /** Column names in the language ({@code csv_school}…): spreadsheets show them as they are. */
  public static List<String> header(String language, String... columns) {
    return Arrays.stream(columns).map(column -> Catalogue.text(language, "csv_" + column)).toList();
  }

  private static String line(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(";")) + "\r\n";
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
