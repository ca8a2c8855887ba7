package fr.parcours.admin;

import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.stand.StandMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboard's stands: the map of the fair's spots (the programme's drawing, a spot taken
 * when an association holds it for some period), the reservations and the waiting list.
 */
final class StandBoard {

  private StandBoard() {
  }

  static JsonObject model(JsonArray reservations, List<FairProgramme.StandSpot> spots, List<FairProgramme.Zone> zones,
                          JsonObject messages) {
    List<JsonObject> all = reservations.stream().map(JsonObject.class::cast).toList();
    List<JsonObject> confirmed = all.stream().filter(r -> "confirmed".equals(r.getString("status"))).toList();
    List<JsonObject> waiting = all.stream().filter(r -> "waiting".equals(r.getString("status"))).toList();
    Set<String> taken = confirmed.stream().map(r -> r.getJsonObject("spot").getString("number"))
        .collect(Collectors.toSet());
    return new JsonObject()
        .put("maps", StandMap.build(spots, zones, taken))
        .put("spots", spots.size())
        .put("confirmed", confirmed.size())
        .put("waiting", waiting.size())
        .put("reservations", rows(all, messages));
  }

  private static JsonArray rows(List<JsonObject> reservations, JsonObject messages) {
    return new JsonArray(reservations.stream().map(r -> (Object) new JsonObject()
        .put("association", r.getJsonObject("association").getString("name"))
        .put("spot", r.getJsonObject("spot") == null ? null : r.getJsonObject("spot").getString("number"))
        .put("day", r.getString("day"))
        .put("period", messages.getString("association_period_" + r.getString("period")))
        .put("status", r.getString("status"))
        .put("status_label", messages.getString("association_stand_" + r.getString("status")))
        .put("waitlist_position", r.getInteger("waitlist_position"))).toList());
  }
}
