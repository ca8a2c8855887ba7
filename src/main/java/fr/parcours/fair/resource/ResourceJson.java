package fr.parcours.fair.resource;

import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A resource row as the API shows it: times in the fair's zone, decimals as JSON numbers. */
final class ResourceJson {

  private ResourceJson() {
  }

  static JsonObject of(Row row, ResourceSpec spec, ZoneId zone) {
    JsonObject json = new JsonObject().put("id", row.getLong("id"));
    spec.fields().forEach(field -> json.put(field.name(), value(row.getValue(field.name()), zone)));
    spec.shownColumns().forEach(column -> json.put(column, row.getValue(column)));
    return json;
  }

  private static Object value(Object value, ZoneId zone) {
    if (value instanceof OffsetDateTime time) {
      return FairTimes.format(time, zone);
    }
    if (value instanceof Numeric number) {
      return number.doubleValue();
    }
    if (value instanceof String[] texts) {
      return new JsonArray(List.of(texts));
    }
    return value;
  }
}
