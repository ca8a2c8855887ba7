package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlugsTest {

  @Test
  void dropsAccentsApostrophesAndCase() {
    assertEquals("s-orienter-apres-la-3e", Slugs.slugify("S'orienter après la 3e"));
    assertEquals("preserver-la-planete", Slugs.slugify("Préserver la planète"));
  }

  @Test
  void collapsesAndTrimsSeparators() {
    assertEquals("metiers-du-numerique", Slugs.slugify("  Métiers -- du  numérique ! "));
  }

  @Test
  void aTitleWithoutLettersStillGetsAKey() {
    assertEquals("untitled", Slugs.slugify("?!"));
  }
}
