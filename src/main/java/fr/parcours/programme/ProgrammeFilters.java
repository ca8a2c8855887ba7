package fr.parcours.programme;

import fr.parcours.fair.SessionKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.TreeSet;

/** The choices of the programme's filter form, the visitor's current picks selected. */
final class ProgrammeFilters {

  private ProgrammeFilters() {
  }

  static JsonObject model(Programme programme, ProgrammeFilter filter, JsonObject messages) {
    JsonArray tracks = new JsonArray();
    programme.tracks().forEach((slug, track) -> tracks.add(option(slug, track.name(), filter.track())));
    TreeSet<String> levels = new TreeSet<>();
    programme.sessions().forEach(s -> {
      if (!s.level().isEmpty()) {
        levels.add(s.level());
      }
    });
    JsonArray levelOptions = new JsonArray();
    levels.forEach(level -> levelOptions.add(option(level, level, filter.level())));
    JsonArray kinds = new JsonArray();
    SessionKind.NAMES.forEach(kind -> kinds.add(option(kind, messages.getString("kind_" + kind, kind), filter.kind())));
    return new JsonObject().put("tracks", tracks).put("levels", levelOptions).put("kinds", kinds)
        .put("by_track", filter.byTrack());
  }

  private static JsonObject option(String value, String label, String picked) {
    return new JsonObject().put("value", value).put("label", label).put("selected", Objects.equals(value, picked));
  }
}
