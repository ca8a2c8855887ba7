package fr.parcours.calendar;

import fr.parcours.live.Change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

/**
 * A feed's bytes as served, with its validators: a strong ETag (a digest of the bytes, the same
 * on every instance since rendering is deterministic) and Last-Modified to the second.
 */
record RenderedFeed(long fairId, Set<Change.Kind> follows, byte[] body, String etag, Instant lastModified) {

  static RenderedFeed of(Feed feed, String ics) {
    byte[] body = ics.getBytes(StandardCharsets.UTF_8);
    return new RenderedFeed(feed.fairId(), feed.follows(), body, etag(body),
        feed.lastModified().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Whether {@code change} may alter this feed. */
  boolean affectedBy(Change change) {
    return change.kind() == Change.Kind.RESYNC || change.concerns(fairId) && follows.contains(change.kind());
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
