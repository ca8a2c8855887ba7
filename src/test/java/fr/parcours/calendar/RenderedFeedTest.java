package fr.parcours.calendar;

import fr.parcours.live.Change;
import fr.parcours.web.Encoded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedFeedTest {

  private static final RenderedFeed PROGRAMME = feed(Feed.PROGRAMME);
  private static final RenderedFeed CLASS_ROUTE = feed(Set.of(Change.Kind.PROGRAMME, Change.Kind.AVAILABILITY));

  @Test
  void aBookingRushDropsOnlyTheClassesRoutes() {
    Change rush = new Change(7L, Change.Kind.AVAILABILITY);
    assertFalse(PROGRAMME.affectedBy(rush));
    assertTrue(CLASS_ROUTE.affectedBy(rush));
  }

  @Test
  void aProgrammeChangeDropsItsFairsFeedsOnly() {
    assertTrue(PROGRAMME.affectedBy(new Change(7L, Change.Kind.PROGRAMME)));
    assertFalse(PROGRAMME.affectedBy(new Change(8L, Change.Kind.PROGRAMME)));
  }

  @Test
  void aStandReservationDropsOnlyTheAssociationsFeeds() {
    Change reserved = new Change(7L, Change.Kind.STANDS);
    assertFalse(PROGRAMME.affectedBy(reserved));
    assertTrue(feed(Set.of(Change.Kind.PROGRAMME, Change.Kind.STANDS)).affectedBy(reserved));
  }

  @Test
  void aResyncDropsEverything() {
    assertTrue(PROGRAMME.affectedBy(Change.RESYNC));
    assertTrue(CLASS_ROUTE.affectedBy(Change.RESYNC));
  }

  private static RenderedFeed feed(Set<Change.Kind> follows) {
    return new RenderedFeed(7L, follows, Encoded.of(new byte[0]), Instant.EPOCH, "Thu, 01 Jan 1970 00:00:00 GMT");
  }
}
