package fr.parcours.fair;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns titles into URL-safe keys: "S'orienter après la 3e" becomes "s-orienter-apres-la-3e". */
public final class Slugs {

  // Compiled once: imports slugify thousands of names per file.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGES = Pattern.compile("^-+|-+$");

  private Slugs() {
  }

  public static String slugify(String text) {
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    String dashed = OTHERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
    String slug = EDGES.matcher(dashed).replaceAll("");
    return slug.isEmpty() ? "untitled" : slug;
  }
}
