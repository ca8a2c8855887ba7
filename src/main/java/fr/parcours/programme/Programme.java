package fr.parcours.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fair's programme document ({@code GET /api/fairs/{slug}}) read for pages: its sessions in
 * time order, and the names of its tracks, rooms, zones and associations by slug.
 */
public record Programme(List<ShownSession> sessions, Map<String, JsonObject> tracks, Map<String, JsonObject> rooms,
                        Map<String, JsonObject> zones, Map<String, JsonObject> associations) {

  public static Programme of(JsonObject document) {
    return new Programme(
        document.getJsonArray("sessions").stream().map(s -> ShownSession.of((JsonObject) s)).toList(),
        bySlug(document.getJsonArray("tracks")), bySlug(document.getJsonArray("rooms")),
        bySlug(document.getJsonArray("zones")), bySlug(document.getJsonArray("associations")));
  }

  private static Map<String, JsonObject> bySlug(JsonArray list) {
    Map<String, JsonObject> map = new LinkedHashMap<>();
    list.forEach(item -> map.put(((JsonObject) item).getString("slug"), (JsonObject) item));
    return map;
  }

  public String trackName(String slug) {
    return name(tracks, slug);
  }

  /** A room's or zone's name. */
  public String placeName(String slug) {
    return rooms.containsKey(slug) ? name(rooms, slug) : name(zones, slug);
  }

  public String associationName(String slug) {
    return name(associations, slug);
  }

  /** What the association says of itself, empty when it says nothing. */
  public String associationDescription(String slug) {
    JsonObject item = slug == null ? null : associations.get(slug);
    return item == null ? "" : item.getString("description", "");
  }

  public String trackColor(String slug) {
    JsonObject track = slug == null ? null : tracks.get(slug);
    return track == null ? null : track.getString("color");
  }

  /** The capacity of a room or zone (0 when a zone sets none). */
  public int placeCapacity(String slug) {
    JsonObject place = rooms.containsKey(slug) ? rooms.get(slug) : zones.get(slug);
    Integer capacity = place == null ? null : place.getInteger("capacity");
    return capacity == null ? 0 : capacity;
  }

  private static String name(Map<String, JsonObject> map, String slug) {
    JsonObject item = slug == null ? null : map.get(slug);
    return item == null ? null : item.getString("name");
  }
}
