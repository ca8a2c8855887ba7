package fr.parcours.planner;

import fr.parcours.fair.Interval;
import fr.parcours.planner.PlanChanges.Action;
import fr.parcours.planner.PlanChanges.Change;
import fr.parcours.planner.PlanRepository.SessionRow;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order of a plan's changes: each one acceptable to the session writer when its turn comes. */
class PlanChangesTest {

  private static final OffsetDateTime NINE = OffsetDateTime.parse("2027-03-11T09:00:00+01:00");

  @Test
  void twoSessionsSwappingPlacesAreAppliedByRecreatingTheUnbookedOne() {
    SessionRow booked = row(1, "amphi", 0, 3);
    SessionRow unbooked = row(2, "amphi", 1, 0);
    List<Change> changes = PlanChanges.between(List.of(booked, unbooked),
        List.of(planned(booked, "amphi", 1), planned(unbooked, "amphi", 0)), Set.of("t"));

    assertEquals(List.of(Action.CANCEL, Action.MOVE, Action.CREATE), changes.stream().map(Change::action).toList());
    assertEquals(2L, changes.get(0).sessionId(), "the unbooked session makes way; the booked one keeps its id");
    assertEquals(1L, changes.get(1).sessionId());
    assertNull(changes.get(2).planned().getLong("session"));
    assertRoomsNeverShared(List.of(booked, unbooked), changes);
  }

  @Test
  void aRingOfThreeMovesIsBrokenOnce() {
    List<SessionRow> rows = List.of(row(1, "a", 0, 1), row(2, "a", 1, 1), row(3, "a", 2, 0));
    List<JsonObject> planned = List.of(planned(rows.get(0), "a", 1), planned(rows.get(1), "a", 2),
        planned(rows.get(2), "a", 0));
    List<Change> changes = PlanChanges.between(rows, planned, Set.of("t"));

    assertEquals(1, changes.stream().filter(c -> c.action() == Action.CREATE).count());
    assertEquals(3L, changes.get(0).sessionId(), "the unbooked one is recreated");
    assertRoomsNeverShared(rows, changes);
  }

  @Test
  void movesIntoFreedRoomsNeedNoRecreation() {
    SessionRow first = row(1, "a", 0, 0);
    SessionRow second = row(2, "a", 1, 0);
    List<Change> changes = PlanChanges.between(List.of(first, second),
        List.of(planned(first, "a", 1), planned(second, "a", 2)), Set.of("t"));

    assertEquals(List.of(Action.MOVE, Action.MOVE), changes.stream().map(Change::action).toList());
    assertEquals(List.of(2L, 1L), changes.stream().map(Change::sessionId).toList());
  }

  /** Replays the changes as the session writer checks them: a room holds one scheduled session at a time. */
  private static void assertRoomsNeverShared(List<SessionRow> rows, List<Change> changes) {
    Map<Object, String[]> held = new HashMap<>();
    rows.forEach(row -> held.put(row.id(), new String[] {row.room(), row.period().start().toString()}));
    List<Object> created = new ArrayList<>();
    for (Change change : changes) {
      Object key = change.action() == Action.CREATE ? "new-" + created.size() : change.sessionId();
      if (change.action() == Action.CANCEL) {
        held.remove(key);
        continue;
      }
      String[] where = {change.room(), change.period().start().toString()};
      assertFalse(held.entrySet().stream().anyMatch(e -> !e.getKey().equals(key)
          && e.getValue()[0].equals(where[0]) && e.getValue()[1].equals(where[1])), "room taken at " + change);
      held.put(key, where);
      if (change.action() == Action.CREATE) {
        created.add(key);
      }
    }
    assertTrue(held.size() >= rows.size());
  }

  private static SessionRow row(long id, String room, int slot, int booked) {
    Interval period = new Interval(NINE.plusHours(slot), NINE.plusHours(slot).plusMinutes(40));
    return new SessionRow(id, "activity-" + id, "Session " + id, "talk", null, null, "t", room, null, period, booked,
        true);
  }

  private static JsonObject planned(SessionRow row, String room, int slot) {
    return new JsonObject().put("session", row.id()).put("activity", row.activity()).put("title", row.title())
        .put("kind", row.kind()).put("track", row.track()).put("room", room)
        .put("starts_at", NINE.plusHours(slot).toString()).put("ends_at", NINE.plusHours(slot).plusMinutes(40).toString());
  }
}
