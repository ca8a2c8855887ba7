package fr.parcours.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer tokens (256 random bits) and the digest under which they are stored. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;
  /** The length of every token {@link #newToken} draws: 32 bytes in unpadded base64. */
  public static final int LENGTH = (BYTES * 8 + 5) / 6;

  private Tokens() {
  }

  public static String newToken() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
