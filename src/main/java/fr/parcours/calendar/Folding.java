package fr.parcours.calendar;

/**
 * RFC 5545 line folding by octets: a content line longer than 75 octets of UTF-8 goes on in
 * continuation lines that start with a space, each at most 75 octets too, and never split inside
 * a character (iCal4j folds at 73 characters, so a French line with accents overflows).
 */
final class Folding {

  static final int MAX_OCTETS = 75;
  private static final String CRLF = "\r\n";

  private Folding() {
  }

  /** The document with every line folded; lines end with CRLF. */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64);
    for (String line : unfolded.split(CRLF, -1)) {
      if (!line.isEmpty()) {
        foldLine(line, out);
      }
    }
    return out.toString();
  }

  private static void foldLine(String line, StringBuilder out) {
    int octets = 0;
    int i = 0;
    while (i < line.length()) {
      int codePoint = line.codePointAt(i);
      int size = octets(codePoint);
      if (octets + size > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append(CRLF);
  }

  private static int octets(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
