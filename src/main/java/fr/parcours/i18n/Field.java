package fr.parcours.i18n;

/** A parameter naming another field ("must be after {other}"), said as the form labels it. */
public record Field(String path) {

  public static Field of(String path) {
    return new Field(path);
  }
}
