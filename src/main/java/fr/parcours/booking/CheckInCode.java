package fr.parcours.booking;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The short code a class shows at the entrance ("K7M2-QX9P"): its booking id scrambled by a
 * fixed permutation (so neighbouring bookings do not get neighbouring codes, and two codes never
 * collide), written in 32 letters and digits that cannot be misread (no 0/O, 1/I), with a Luhn
 * mod 32 check character that catches any single mistyped character and most swaps.
 */
public final class CheckInCode {

  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final int BASE = ALPHABET.length();
  private static final int DIGITS = 7;
  private static final int[] ROUND_KEYS = {0x5A3C, 0x1F2B, 0x7E91, 0x3D47};
  private static final long MAX_ID = 0xFFFF_FFFFL;

  private CheckInCode() {
  }

  /** The code of a booking id (at most 2^32 - 1, far beyond any fair's bookings). */
  public static String of(long bookingId) {
    if (bookingId < 0 || bookingId > MAX_ID) {
      throw new IllegalArgumentException("no check-in code for booking " + bookingId);
    }
    long value = scramble(bookingId);
    char[] digits = new char[DIGITS];
    for (int i = DIGITS - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (value % BASE));
      value /= BASE;
    }
    String body = new String(digits);
    String code = body + checkCharacter(body);
    return code.substring(0, 4) + "-" + code.substring(4);
  }

  /** The booking id of a code as typed (any case, spaces and dashes ignored); empty when it is not a valid code. */
  public static OptionalLong parse(String typed) {
    if (typed == null) {
      return OptionalLong.empty();
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != DIGITS + 1 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return OptionalLong.empty();
    }
    String body = code.substring(0, DIGITS);
    if (checkCharacter(body) != code.charAt(DIGITS)) {
      return OptionalLong.empty();
    }
    long value = 0;
    for (char c : body.toCharArray()) {
      value = value * BASE + ALPHABET.indexOf(c);
    }
    return value > MAX_ID ? OptionalLong.empty() : OptionalLong.of(unscramble(value));
  }

  /** A four-round Feistel network on two 16-bit halves: a permutation of 32-bit numbers. */
  private static long scramble(long id) {
    int left = (int) (id >>> 16);
    int right = (int) (id & 0xFFFF);
    for (int key : ROUND_KEYS) {
      int next = left ^ round(right, key);
      left = right;
      right = next;
    }
    return ((long) left << 16) | right;
  }

  private static long unscramble(long value) {
    int left = (int) (value >>> 16);
    int right = (int) (value & 0xFFFF);
    for (int i = ROUND_KEYS.length - 1; i >= 0; i--) {
      int previous = right ^ round(left, ROUND_KEYS[i]);
      right = left;
      left = previous;
    }
    return ((long) left << 16) | right;
  }

  private static int round(int half, int key) {
    return ((half * 0x9E37 + key) ^ (half >>> 5)) & 0xFFFF;
  }

  /** Luhn mod N over the alphabet: doubles every second character from the right. */
  private static char checkCharacter(String body) {
    int factor = 2;
    int sum = 0;
    for (int i = body.length() - 1; i >= 0; i--) {
      int addend = factor * ALPHABET.indexOf(body.charAt(i));
      factor = factor == 2 ? 1 : 2;
      sum += addend / BASE + addend % BASE;
    }
    return ALPHABET.charAt((BASE - sum % BASE) % BASE);
  }
}
