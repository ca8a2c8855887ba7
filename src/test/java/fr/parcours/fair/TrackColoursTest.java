package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WCAG contrast ratio, and a palette whose every colour carries white text at AA. */
class TrackColoursTest {

  @Test
  void theContrastRatioIsWcags() {
    assertEquals(21.0, TrackColours.contrast("#000000", "#ffffff"), 1e-9);
    assertEquals(1.0, TrackColours.contrast("#1565c0", "#1565c0"), 1e-9);
    // #767676 is the lightest grey that passes AA on white, #777777 the darkest that fails.
    assertEquals(4.54, TrackColours.contrast("#767676", "#ffffff"), 0.01);
    assertTrue(TrackColours.readable("#767676"));
    assertFalse(TrackColours.readable("#777777"));
  }

  @Test
  void everyPaletteColourCarriesWhiteTextAtAa() {
    assertEquals(10, TrackColours.PALETTE.size());
    TrackColours.PALETTE.forEach((name, hex) -> assertTrue(TrackColours.contrast(hex, TrackColours.TEXT)
        >= TrackColours.MIN_CONTRAST, name + " " + hex));
    assertEquals(TrackColours.PALETTE.size(), TrackColours.PALETTE.values().stream().distinct().count());
  }

  @Test
  void aColourIsWrittenRrggbb() {
    assertTrue(TrackColours.isHex("#ABCdef"));
    assertFalse(TrackColours.isHex("#12345"));
    assertFalse(TrackColours.isHex("blue"));
  }
}
