package fr.parcours.admin;

import fr.parcours.booking.TrackCapacity;
import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * Each track's capacity per part of the day as the placement grid shows it: now, or before and
 * after a programme change, in classes (whole routes) and places, the parts a change lowers marked.
 */
final class CapacityTable {

  private CapacityTable() {
  }

  /** The parts' names, for the table's header. */
  static JsonArray parts(String language) {
    return new JsonArray(TrackCapacity.PARTS.stream()
        .map(part -> (Object) Catalogue.text(language, "part_" + part.json())).toList());
  }

  /** Today's figures: a row per track, a cell per part. */
  static JsonArray now(List<TrackCapacity> tracks, String language) {
    return new JsonArray(tracks.stream().map(track -> (Object) new JsonObject().put("track", track.track())
        .put("name", track.name()).put("cells", new JsonArray(track.parts().stream()
            .map(part -> (Object) new JsonObject().put("text", Catalogue.say(language, "admin_capacity_now",
                Map.of("classes", part.classes(), "places", part.places())))).toList()))).toList());
  }

  /** Before and after a change, a row per track; a row or cell the change lowers says {@code lowered}. */
  static JsonArray effect(List<TrackCapacity> before, List<TrackCapacity> after, String language) {
    return new JsonArray(before.stream().map(track -> {
      TrackCapacity then = after.stream().filter(t -> t.track().equals(track.track())).findFirst().orElse(track);
      JsonArray cells = new JsonArray(track.parts().stream().map(part -> {
        TrackCapacity.Part next = then.of(part.part());
        return (Object) new JsonObject()
            .put("lowered", next.classes() < part.classes() || next.places() < part.places())
            .put("text", Catalogue.say(language, "admin_capacity_effect", Map.of("classes_before", part.classes(),
                "classes_after", next.classes(), "places_before", part.places(), "places_after", next.places())));
      }).toList());
      return (Object) new JsonObject().put("track", track.track()).put("name", track.name())
          .put("lowered", track.lowered(then)).put("cells", cells);
    }).toList());
  }

  /** Whether the change lowers some track's capacity in some part. */
  static boolean lowers(List<TrackCapacity> before, List<TrackCapacity> after) {
    return before.stream().anyMatch(track -> after.stream().filter(t -> t.track().equals(track.track()))
        .anyMatch(track::lowered));
  }
}
