package fr.parcours.web;

import fr.parcours.i18n.Field;
import fr.parcours.i18n.Term;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/** A refusal's parameters as the API gives them: plain JSON values programs can read. */
final class Params {

  private Params() {
  }

  static JsonObject json(Map<String, ?> params) {
    JsonObject json = new JsonObject();
    params.forEach((name, value) -> json.put(name, value(value)));
    return json;
  }

  private static Object value(Object value) {
    if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Field field) {
      return field.path();
    }
    if (value instanceof Term term) {
      return term.params().isEmpty() ? term.key() : new JsonObject().put("key", term.key()).put("params", json(term.params()));
    }
    if (value instanceof Collection<?> items) {
      return new JsonArray(items.stream().map(Params::value).toList());
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    return String.valueOf(value);
  }
}
