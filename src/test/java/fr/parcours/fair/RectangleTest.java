package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RectangleTest {

  private final Rectangle spot = new Rectangle(2, 2, 3, 2);

  @Test
  void overlappingFootprintsOverlapBothWays() {
    Rectangle other = new Rectangle(4, 3, 3, 2);
    assertTrue(spot.overlaps(other));
    assertTrue(other.overlaps(spot));
  }

  @Test
  void oneInsideAnotherOverlaps() {
    assertTrue(spot.overlaps(new Rectangle(2.5, 2.5, 1, 1)));
    assertTrue(new Rectangle(2.5, 2.5, 1, 1).overlaps(spot));
  }

  @Test
  void sharedEdgesDoNotOverlap() {
    assertFalse(spot.overlaps(new Rectangle(5, 2, 3, 2)));
    assertFalse(spot.overlaps(new Rectangle(2, 4, 3, 2)));
    assertFalse(spot.overlaps(new Rectangle(5, 4, 1, 1)));
  }

  @Test
  void distantSpotsDoNotOverlap() {
    assertFalse(spot.overlaps(new Rectangle(10, 10, 3, 2)));
    assertFalse(spot.overlaps(new Rectangle(2, 7, 3, 2)));
  }
}
