package fr.parcours.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The published random order of schools: each school's ticket is the SHA-256 of
 * {@code "<seed>:<UAI>"} in hexadecimal, and schools go by ticket, smallest first. Anyone can
 * re-check it with a shell ({@code printf '%s' '42:0330001A' | sha256sum}); no school can
 * choose its place, and nothing of when its requests arrived enters it.
 */
public final class Draw {

  /** A school and its ticket, in draw order. */
  public record Ticket(String school, String digest) {
  }

  private Draw() {
  }

  public static List<Ticket> order(long seed, Collection<String> schools) {
    return schools.stream().distinct().map(school -> new Ticket(school, ticket(seed, school)))
        .sorted(Comparator.comparing(Ticket::digest).thenComparing(Ticket::school))
        .toList();
  }

  static String ticket(long seed, String school) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((seed + ":" + school).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
