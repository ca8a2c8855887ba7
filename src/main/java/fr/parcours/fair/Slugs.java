package fr.parcours.fair;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into URL-safe keys: "S'orienter après la 3e" becomes "s-orienter-apres-la-3e". */
public final class Slugs {

  private Slugs() {
  }

  public static String slugify(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "untitled" : slug;
  }
}
