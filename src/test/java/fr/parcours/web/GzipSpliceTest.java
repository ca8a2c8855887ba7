package fr.parcours.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spliced gzip is the page with the token in every slot, for any cut of the page. */
class GzipSpliceTest {

  private static final byte[] TOKEN = "Zk3-visitor_token-9".getBytes(StandardCharsets.UTF_8);

  @Test
  void aPageCutAnywhereDecompressesToItsPartsJoinedByTheToken() throws IOException {
    Random random = new Random(16);
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      // Text-like bytes: repeats for the compressor, and more than a 64 KB window.
      big[i] = (byte) ("<li class=\"card\">Atelier ".charAt(random.nextInt(25)));
    }
    List<List<byte[]>> cuts = List.of(
        List.of(bytes("a page without a form")),
        List.of(bytes(""), bytes("a slot first")),
        List.of(bytes("a slot last"), bytes("")),
        List.of(bytes("two"), bytes(""), bytes("slots side by side")),
        List.of(big, Arrays.copyOf(big, 70_000), bytes("é, ü and 💡"), big));
    for (List<byte[]> parts : cuts) {
      byte[] page = join(parts, TOKEN);
      assertArrayEquals(page, gunzip(GzipSplice.of(parts, TOKEN.length).orElseThrow().with(TOKEN).getBytes()), new String(page, 0,
          Math.min(page.length, 40), StandardCharsets.UTF_8));
    }
  }

  @Test
  void oneSpliceServesEveryVisitorsTokenWithItsOwnCrc() throws IOException {
    List<byte[]> parts = List.of(bytes("<form>"), bytes("</form><form>"), bytes("</form>"), bytes(""));
    GzipSplice splice = GzipSplice.of(parts, TOKEN.length).orElseThrow();
    Random random = new Random(32);
    for (int visitor = 0; visitor < 200; visitor++) {
      byte[] token = new byte[TOKEN.length];
      for (int i = 0; i < token.length; i++) {
        token[i] = (byte) (1 + random.nextInt(255));
      }
      // GZIPInputStream refuses a member whose CRC-32 is not its content's.
      assertArrayEquals(join(parts, token), gunzip(splice.with(token).getBytes()), "visitor " + visitor);
    }
  }

  @Test
  void aPageOfManyFormsCarriesItsTokenOnceAndCopiesItToTheOthers() throws IOException {
    byte[] card = bytes("<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"");
    byte[] token = bytes(fr.parcours.common.Tokens.newToken());
    List<byte[]> parts = java.util.Collections.nCopies(300, card);
    byte[] gzip = GzipSplice.of(parts, token.length).orElseThrow().with(token).getBytes();
    assertTrue(gzip.length < 300 * token.length / 2, "not a stored token a form: " + gzip.length);
    assertEquals(299, new String(gunzip(gzip), StandardCharsets.UTF_8).split(new String(token,
        StandardCharsets.UTF_8), -1).length - 1);
  }

  @Test
  void aPageHoldingANulOrATokenOfAnotherLengthIsNotSpliced() {
    assertTrue(GzipSplice.of(List.of(bytes("a\0b")), TOKEN.length).isEmpty());
    assertFalse(GzipSplice.of(List.of(bytes("a"), bytes("b")), TOKEN.length).orElseThrow().fits(bytes("short")));
  }

  @Test
  void theCrcOfTwoPartsIsTheFirstsShiftedByTheSecondsLengthXorTheSeconds() {
    byte[] first = bytes("Teen's Up, Bordeaux");
    for (int length : new int[] {0, 1, 7, 64, 1_000, 65_537}) {
      byte[] second = new byte[length];
      new Random(length).nextBytes(second);
      byte[] both = Arrays.copyOf(first, first.length + length);
      System.arraycopy(second, 0, both, first.length, length);
      int shifted = 0;
      int[] operator = GzipSplice.shiftOperator(length);
      for (int bit = 0; bit < 32; bit++) {
        if ((crc(first) >>> bit & 1) != 0) {
          shifted ^= operator[bit];
        }
      }
      assertEquals(crc(both), shifted ^ crc(second), "length " + length);
    }
  }

  private static byte[] join(List<byte[]> parts, byte[] token) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        joined.append(new String(token, StandardCharsets.ISO_8859_1));
      }
      joined.append(new String(parts.get(i), StandardCharsets.ISO_8859_1));
    }
    return joined.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
