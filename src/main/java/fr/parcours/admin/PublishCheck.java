package fr.parcours.admin;

import fr.parcours.fair.resource.FairProgramme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a fair still lacks before classes can book it, read from its programme: tracks to choose,
 * rooms to hold sessions, scheduled sessions. A fair lacking one may still be published (the
 * organiser is told first, and the button says "anyway"); its programme would be empty.
 */
final class PublishCheck {

  /** A need: its name, the set-up page (under the fair's admin path) that fills it, and whether a programme meets it. */
  private record Need(String name, String page, Predicate<FairProgramme> met) {
  }

  private static final List<Need> NEEDS = List.of(
      new Need("tracks", "resources/tracks", programme -> !programme.tracks().isEmpty()),
      new Need("rooms", "places/rooms", programme -> !programme.rooms().isEmpty()),
      new Need("sessions", "programme", programme -> programme.sessions().stream().anyMatch(s -> !s.cancelled())));

  private PublishCheck() {
  }

  /** The unmet needs as the settings page lists them, in set-up order: the sentence and the page that fills it. */
  static JsonArray shown(String fairSlug, FairProgramme programme, JsonObject messages) {
    return new JsonArray(NEEDS.stream().filter(need -> !need.met().test(programme))
        .map(need -> (Object) new JsonObject().put("id", "missing-" + need.name())
            .put("text", messages.getString("admin_missing_" + need.name()))
            .put("href", AdminSession.PATH + "/fairs/" + fairSlug + "/" + need.page())).toList());
  }
}
