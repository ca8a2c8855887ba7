package fr.parcours.allocation;

import fr.parcours.fair.Fair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The seed of the allocation the server runs by itself at the allocation date: fixed from the
 * fair, so that every instance computes the same one and anyone can re-derive it: the first
 * 31 bits of the SHA-256 of {@code "parcours:<fair slug>"} (the slug is in the fair's address).
 */
final class AllocationSeed {

  private AllocationSeed() {
  }

  static long of(Fair fair) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("parcours:" + fair.slug()).getBytes(StandardCharsets.UTF_8));
      int first = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
      return first & AllocationService.MAX_SEED;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
