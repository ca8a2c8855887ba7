package fr.parcours.i18n;

import java.util.Map;

/** A parameter said by its own catalogue text (a kind, a status, a thing's name), in the message's language. */
public record Term(String key, Map<String, ?> params) {

  public Term {
    params = Map.copyOf(params);
  }

  public static Term of(String key) {
    return new Term(key, Map.of());
  }

  public static Term of(String key, Map<String, ?> params) {
    return new Term(key, params);
  }
}
