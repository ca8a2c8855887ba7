package fr.parcours.planner;

import fr.parcours.fair.Interval;
import fr.parcours.planner.PlanRepository.SessionRow;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What applying a plan does to the programme, in an order the session writer accepts: a
 * session is created or moved only into a room free at that time, so new places open before
 * old ones close (booked classes find their new route at once) and a session is cancelled
 * only when nothing else can go first. Moves that wait on each other's rooms in a ring (two
 * sessions swapping places, say) are broken by cancelling one of them, an unbooked one if
 * any, and creating it again where the plan puts it. A pure function of the plan and the
 * sessions now.
 */
final class PlanChanges {

  enum Action { CREATE, MOVE, CANCEL }

  /** One change: {@code planned} is the plan's session (null for a cancel), {@code sessionId} the programme's (null for a create). */
  record Change(Action action, Long sessionId, JsonObject planned) {

    String room() {
      return planned.getString("room");
    }

    Interval period() {
      return new Interval(OffsetDateTime.parse(planned.getString("starts_at")),
          OffsetDateTime.parse(planned.getString("ends_at")));
    }

    /** As the plan page shows it: the action, the session's title and track, from where to where. */
    JsonObject toJson(List<SessionRow> scheduled, ZoneId zone) {
      SessionRow now = sessionId == null ? null
          : scheduled.stream().filter(row -> row.id() == sessionId).findFirst().orElse(null);
      JsonObject change = new JsonObject().put("action", action.name().toLowerCase(Locale.ROOT))
          .put("session", sessionId);
      if (now != null) {
        change.put("title", now.title()).put("track", now.track()).put("from", now.toJson(zone));
      }
      if (planned != null) {
        change.put("title", planned.getString("title")).put("track", planned.getString("track"))
            .put("to", planned.copy());
      }
      return change;
    }
  }

  private PlanChanges() {
  }

  /**
   * The changes from {@code scheduled} (every scheduled session of the fair) to {@code planned}
   * for the sessions of {@code tracks}; sessions of other tracks stay as they are.
   * Fails with {@link IllegalStateException} when a planned session's room stays taken by a
   * session the plan keeps (a plan made for another programme).
   */
  static List<Change> between(List<SessionRow> scheduled, List<JsonObject> planned, Set<String> tracks) {
    Map<Long, SessionRow> current = new LinkedHashMap<>();
    scheduled.forEach(row -> current.put(row.id(), row));
    List<Change> pending = new ArrayList<>();
    Set<Long> kept = new HashSet<>();
    for (JsonObject session : planned) {
      Long id = session.getLong("session");
      SessionRow row = id == null ? null : current.get(id);
      if (row == null) {
        pending.add(new Change(Action.CREATE, null, session));
        continue;
      }
      kept.add(id);
      Change move = new Change(Action.MOVE, id, session);
      if (!Objects.equals(row.room(), move.room()) || !row.period().equals(move.period())) {
        pending.add(move);
      }
    }
    current.values().stream()
        .filter(row -> row.room() != null && tracks.contains(row.track()) && !kept.contains(row.id()))
        .forEach(row -> pending.add(new Change(Action.CANCEL, row.id(), null)));
    return ordered(pending, current);
  }

  private static List<Change> ordered(List<Change> pending, Map<Long, SessionRow> current) {
    Map<Long, Placed> rooms = new HashMap<>();
    current.values().stream().filter(row -> row.room() != null)
        .forEach(row -> rooms.put(row.id(), new Placed(row.room(), row.period())));
    long[] newIds = {-1};
    List<Change> order = new ArrayList<>();
    List<Change> left = new ArrayList<>(pending);
    while (!left.isEmpty()) {
      Change next = left.stream().filter(c -> c.action() != Action.CANCEL && free(rooms, c)).findFirst()
          .or(() -> left.stream().filter(c -> c.action() == Action.CANCEL).findFirst())
          .or(() -> breakRing(left, current))
          .orElseThrow(() -> new IllegalStateException("a planned session's room stays taken"));
      left.remove(next);
      order.add(next);
      switch (next.action()) {
        case CANCEL -> rooms.remove(next.sessionId());
        case MOVE -> rooms.put(next.sessionId(), new Placed(next.room(), next.period()));
        case CREATE -> rooms.put(newIds[0]--, new Placed(next.room(), next.period()));
      }
    }
    return order;
  }

  /**
   * Every change left waits for a room another pending move still holds: one of those moves
   * (an unbooked one first: no class is re-routed) becomes a cancel, done next, and a create.
   */
  private static Optional<Change> breakRing(List<Change> left, Map<Long, SessionRow> current) {
    return left.stream().filter(c -> c.action() == Action.MOVE)
        .min(Comparator.comparingInt(c -> current.get(c.sessionId()).booked()))
        .map(ring -> {
          left.remove(ring);
          JsonObject created = ring.planned().copy();
          created.remove("session");
          left.add(new Change(Action.CREATE, null, created));
          Change cancel = new Change(Action.CANCEL, ring.sessionId(), null);
          left.add(cancel);
          return cancel;
        });
  }

  private record Placed(String room, Interval period) {
  }

  private static boolean free(Map<Long, Placed> rooms, Change change) {
    return rooms.entrySet().stream().noneMatch(e -> !Objects.equals(e.getKey(), change.sessionId())
        && e.getValue().room().equals(change.room()) && e.getValue().period().overlaps(change.period()));
  }
}
