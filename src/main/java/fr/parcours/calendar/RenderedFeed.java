package fr.parcours.calendar;

import fr.parcours.live.Change;
import fr.parcours.web.Encoded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A feed as served: its bytes and their gzip, prepared once (calendar clients ask for gzip), with
 * its validators: strong ETags (digests of the bytes, the same on every instance since rendering
 * is deterministic) and Last-Modified to the second, written once as its header says it.
 */
record RenderedFeed(long fairId, Set<Change.Kind> follows, Encoded body, Instant lastModified,
                    CharSequence lastModifiedHeader) {

  static RenderedFeed of(Feed feed, String ics) {
    Instant lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
    return new RenderedFeed(feed.fairId(), feed.follows(), Encoded.of(ics), lastModified,
        FeedResponse.httpDate(lastModified));
  }

  /** Whether {@code change} may alter this feed. */
  boolean affectedBy(Change change) {
    return change.kind() == Change.Kind.RESYNC || change.concerns(fairId) && follows.contains(change.kind());
  }
}
