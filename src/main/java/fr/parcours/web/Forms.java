package fr.parcours.web;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an HTML form into the JSON body the API would receive, so pages reuse the API's own
 * parsing and messages: {@code school.uai} becomes {@code {"school": {"uai": …}}}, whole-number
 * fields become numbers (or stay text, for the parser to name), empty fields are left out.
 * With no whole-number fields it also gives what was typed, for a page to show it again.
 */
public final class Forms {

  /** The hidden field through which a form carries its own Idempotency-Key. */
  public static final String IDEMPOTENCY_KEY = "idempotency_key";

  private Forms() {
  }

  /** A fresh key for a form drawn anew: each page load is one attempt. */
  public static String newIdempotencyKey() {
    return UUID.randomUUID().toString();
  }

  /** The key the form was drawn with, so a double submit replays the first answer (a fresh one if missing). */
  public static String idempotencyKey(MultiMap form) {
    String key = form.get(IDEMPOTENCY_KEY);
    return key == null || key.isBlank() ? newIdempotencyKey() : key;
  }

  public static JsonObject json(MultiMap form, Collection<String> fields, Set<String> wholeNumbers) {
    JsonObject body = new JsonObject();
    for (String field : fields) {
      String value = form.get(field);
      if (value != null && !value.isBlank()) {
        put(body, field, wholeNumbers.contains(field) ? number(value) : value.strip());
      }
    }
    return body;
  }

  private static void put(JsonObject body, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      body.put(path, value);
      return;
    }
    String head = path.substring(0, dot);
    JsonObject nested = body.getJsonObject(head);
    if (nested == null) {
      nested = new JsonObject();
      body.put(head, nested);
    }
    put(nested, path.substring(dot + 1), value);
  }

  private static Object number(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
