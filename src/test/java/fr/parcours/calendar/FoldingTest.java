package fr.parcours.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class FoldingTest {

  @Test
  void longLinesWithAccentsAreFoldedAtSeventyFiveOctetsAndUnfoldBack() {
    String line = "DESCRIPTION:Découvrir les métiers de l'écologie, de la mer et des forêts — "
        + "atelier animé par Océan Propre, à l'amphithéâtre ; 🌊 ".repeat(4);
    String unfolded = "BEGIN:VCALENDAR\r\n" + line + "\r\nEND:VCALENDAR\r\n";
    String folded = Folding.fold(unfolded);
    assertEachLineFits(folded);
    assertEquals(unfolded, unfold(folded));
  }

  @Test
  void aShortLineIsLeftAlone() {
    assertEquals("SUMMARY:Préserver la planète\r\n", Folding.fold("SUMMARY:Préserver la planète\r\n"));
  }

  /** Every physical line of a feed is at most 75 octets (RFC 5545 §3.1), without its CRLF. */
  public static void assertEachLineFits(String ics) {
    Arrays.stream(ics.split("\r\n")).forEach(line ->
        assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line));
  }

  /** What clients read: continuation lines joined back. */
  public static String unfold(String folded) {
    return folded.replace("\r\n ", "");
  }
}
