package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.allocation.Allocation.Unplaced;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an organiser reads of an allocation before publishing it, as the API gives it (and as
 * {@code allocations.figures} keeps it): pupils and classes asked and placed, which choice each
 * placed class got, why the others were left out, then the same per school in draw order and
 * per track in the fair's order. A pure function of the allocation and what it was run on.
 */
final class AllocationFigures {

  /** The choice ranks as figures name them; 0 is "any other", 4 and past are "later". */
  static final List<String> CHOICES = List.of("first", "second", "third", "later", "any_other");

  /** A track as figures name it. */
  record TrackName(long id, String slug, String name) {
  }

  private AllocationFigures() {
  }

  static JsonObject of(Allocation allocation, List<ClassRequest> requests, Map<String, String> schoolNames,
                       List<TrackName> tracks) {
    Map<Long, ClassRequest> byId = requests.stream().collect(Collectors.toMap(ClassRequest::id, Function.identity()));
    return counts(requests, allocation.placed(), allocation.unplaced())
        .put("draw", draw(allocation, schoolNames))
        .put("schools", schools(allocation, requests, schoolNames))
        .put("tracks", tracks(allocation, byId, tracks));
  }

  /** The name of a choice rank, as {@link #CHOICES} has it. */
  static String choice(int rank) {
    return rank == 0 ? "any_other" : rank >= 4 ? "later" : CHOICES.get(rank - 1);
  }

  private static JsonObject counts(List<ClassRequest> asked, List<Placed> placed, List<Unplaced> unplaced) {
    JsonObject choices = new JsonObject();
    CHOICES.forEach(name -> choices.put(name, new JsonObject().put("classes", 0).put("share", 0.0)));
    placed.forEach(p -> {
      JsonObject one = choices.getJsonObject(choice(p.choice()));
      one.put("classes", one.getInteger("classes") + 1);
    });
    CHOICES.forEach(name -> {
      JsonObject one = choices.getJsonObject(name);
      one.put("share", placed.isEmpty() ? 0.0 : share(one.getInteger("classes"), placed.size()));
    });
    return new JsonObject()
        .put("pupils", new JsonObject().put("asked", asked.stream().mapToInt(ClassRequest::pupils).sum())
            .put("placed", placed.stream().mapToInt(Placed::pupils).sum()))
        .put("classes", new JsonObject().put("asked", asked.size()).put("placed", placed.size())
            .put("unplaced", unplaced.size()))
        .put("choices", choices)
        .put("unplaced", reasons(unplaced));
  }

  private static JsonObject reasons(List<Unplaced> unplaced) {
    JsonObject reasons = new JsonObject();
    for (Allocation.Reason reason : Allocation.Reason.values()) {
      reasons.put(reason.name(), unplaced.stream().filter(u -> u.reason() == reason).count());
    }
    return reasons;
  }

  private static JsonArray draw(Allocation allocation, Map<String, String> schoolNames) {
    JsonArray draw = new JsonArray();
    for (int i = 0; i < allocation.draw().size(); i++) {
      Draw.Ticket ticket = allocation.draw().get(i);
      draw.add(new JsonObject().put("position", i + 1).put("school", ticket.school())
          .put("name", schoolNames.getOrDefault(ticket.school(), ticket.school())).put("ticket", ticket.digest()));
    }
    return draw;
  }

  private static JsonArray schools(Allocation allocation, List<ClassRequest> requests, Map<String, String> schoolNames) {
    JsonArray schools = new JsonArray();
    List<Draw.Ticket> draw = allocation.draw();
    for (int i = 0; i < draw.size(); i++) {
      String uai = draw.get(i).school();
      List<ClassRequest> asked = requests.stream().filter(r -> r.school().equals(uai)).toList();
      List<Placed> placed = allocation.placed().stream().filter(p -> p.school().equals(uai)).toList();
      List<Unplaced> unplaced = allocation.unplaced().stream().filter(u -> u.school().equals(uai)).toList();
      schools.add(counts(asked, placed, unplaced).put("position", i + 1).put("school", uai)
          .put("name", schoolNames.getOrDefault(uai, uai)));
    }
    return schools;
  }

  /**
   * Per track: what it placed, which choice it was for those classes, and the demand it had
   * as a first choice (classes and pupils), placed there or not.
   */
  private static JsonArray tracks(Allocation allocation, Map<Long, ClassRequest> byId, List<TrackName> tracks) {
    Map<Long, List<Placed>> placedOn = new HashMap<>();
    allocation.placed().forEach(p -> placedOn.computeIfAbsent(p.trackId(), id -> new java.util.ArrayList<>()).add(p));
    Map<Long, List<ClassRequest>> firstChoiceOf = new LinkedHashMap<>();
    byId.values().stream().filter(r -> !r.choices().isEmpty())
        .forEach(r -> firstChoiceOf.computeIfAbsent(r.choices().get(0), id -> new java.util.ArrayList<>()).add(r));
    JsonArray out = new JsonArray();
    for (TrackName track : tracks) {
      List<Placed> placed = placedOn.getOrDefault(track.id(), List.of());
      List<ClassRequest> first = firstChoiceOf.getOrDefault(track.id(), List.of());
      long firstPlacedHere = placed.stream().filter(p -> p.choice() == 1).count();
      JsonObject row = counts(List.of(), placed, List.of());
      row.remove("unplaced");
      row.getJsonObject("classes").remove("asked");
      row.getJsonObject("classes").remove("unplaced");
      row.getJsonObject("pupils").remove("asked");
      out.add(row.put("track", track.slug()).put("name", track.name())
          .put("first_choice", new JsonObject().put("classes", first.size())
              .put("pupils", first.stream().mapToInt(ClassRequest::pupils).sum())
              .put("placed_here", firstPlacedHere)));
    }
    return out;
  }

  private static double share(long part, long whole) {
    return Math.round(part * 1000.0 / whole) / 1000.0;
  }
}
