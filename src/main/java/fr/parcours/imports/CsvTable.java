package fr.parcours.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A spreadsheet's CSV export read in one linear pass: UTF-8 with or without its byte-order
 * mark, fields separated by {@code ;} (French spreadsheets) or {@code ,} (whichever the header
 * line holds more of), quoted fields with {@code ""} for a quote and line breaks inside, CRLF or
 * LF. The first record is the header; each record remembers the line it starts on.
 */
public record CsvTable(List<String> header, List<Record> records) {

  /** A data record: the file's line it starts on (the header is line 1) and its cells. */
  public record Record(int line, List<String> cells) {
  }

  /** Why a file could not be read as a table. */
  public enum Failure { NOT_UTF8, EMPTY, TOO_MANY_LINES }

  /** Thrown with what is wrong with the whole file (its lines are judged one by one elsewhere). */
  public static final class Unreadable extends RuntimeException {
    private final Failure failure;

    Unreadable(Failure failure) {
      super(failure.name(), null, false, false);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  private static final char BOM = '\uFEFF';

  /** Reads {@code bytes}; more than {@code maxRecords} data records is refused before any is judged. */
  public static CsvTable parse(byte[] bytes, int maxRecords) {
    String text = decode(bytes);
    int start = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
    char separator = separator(text, start);
    List<Record> all = new ArrayList<>();
    new Reader(text, start, separator, maxRecords + 1).readInto(all);
    List<Record> records = all.stream().filter(r -> !r.cells().stream().allMatch(String::isBlank)).toList();
    if (records.isEmpty()) {
      throw new Unreadable(Failure.EMPTY);
    }
    return new CsvTable(records.get(0).cells().stream().map(String::strip).toList(),
        records.subList(1, records.size()));
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable(Failure.NOT_UTF8);
    }
  }

  /** {@code ;} unless the header line (outside quotes) holds more commas than semicolons. */
  static char separator(String text, int start) {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return commas > semicolons ? ',' : ';';
  }

  /** The state of one pass over the text. */
  private static final class Reader {
    private final String text;
    private final char separator;
    private final int maxRecords;
    private int pos;
    private int line = 1;

    Reader(String text, int start, char separator, int maxRecords) {
      this.text = text;
      this.pos = start;
      this.separator = separator;
      this.maxRecords = maxRecords;
    }

    void readInto(List<Record> records) {
      while (pos < text.length()) {
        if (records.size() == maxRecords) {
          throw new Unreadable(Failure.TOO_MANY_LINES);
        }
        records.add(record());
      }
    }

    private Record record() {
      int first = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (quoted) {
          if (c == '"' && pos < text.length() && text.charAt(pos) == '"') {
            cell.append('"');
            pos++;
          } else if (c == '"') {
            quoted = false;
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == separator) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          break;
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      return new Record(first, cells);
    }
  }
}
