package fr.parcours.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A delta says what moved and nothing else; applied to the document before, it gives the one after. */
public class AvailabilityDeltaTest {

  @Test
  void aBookingSendsOnlyTheNumbersThatMoved() {
    JsonObject before = document(60, 60, 3);
    JsonObject after = document(33, 60, 3);
    JsonObject delta = AvailabilityDelta.between(before, after);
    assertEquals(new JsonObject()
        .put("sessions", new JsonArray().add(new JsonObject().put("id", 1L).put("booked", 27).put("left", 33)))
        .put("tracks", new JsonArray().add(new JsonObject().put("slug", "t").put("left", 33)
            .put("parts", new JsonObject().put("morning", 33)))), delta);
    assertEquals(after, applied(before, delta));
  }

  @Test
  void nothingMovedIsAnEmptyDelta() {
    JsonObject delta = AvailabilityDelta.between(document(60, 60, 3), document(60, 60, 3));
    assertTrue(AvailabilityDelta.empty(delta), delta.encode());
  }

  @Test
  void aWaitingListAloneMovesTheTrackOnly() {
    JsonObject before = document(0, 60, 3);
    JsonObject after = document(0, 60, 4);
    JsonObject delta = AvailabilityDelta.between(before, after);
    assertEquals(new JsonArray(), delta.getJsonArray("sessions"));
    assertEquals(new JsonArray().add(new JsonObject().put("slug", "t").put("waitlist", 4)), delta.getJsonArray("tracks"));
    assertEquals(after, applied(before, delta));
  }

  @Test
  void aProgrammeThatGainsLosesOrReordersSessionsNeedsTheWholeDocument() {
    JsonObject before = document(60, 60, 3);
    JsonObject more = document(60, 60, 3);
    more.getJsonArray("sessions").add(session(3, 10));
    assertNull(AvailabilityDelta.between(before, more), "a session added");
    assertNull(AvailabilityDelta.between(more, before), "a session removed");
    JsonObject reordered = document(60, 60, 3);
    JsonArray sessions = reordered.getJsonArray("sessions");
    reordered.put("sessions", new JsonArray().add(sessions.getValue(1)).add(sessions.getValue(0)));
    assertNull(AvailabilityDelta.between(before, reordered), "the same sessions in another order");
  }

  @Test
  void aFieldGoneOrTheFairsOwnFieldsChangedNeedTheWholeDocument() {
    JsonObject before = document(60, 60, 3);
    JsonObject gone = document(60, 60, 3);
    gone.getJsonArray("sessions").getJsonObject(0).remove("room");
    assertNull(AvailabilityDelta.between(before, gone), "a field gone cannot be said by a merge");
    assertNull(AvailabilityDelta.between(before, document(60, 60, 3).put("fair", "other")), "another fair");
  }

  /** Applies a delta as the browser does: each entry's fields over those of the same key. */
  public static JsonObject applied(JsonObject whole, JsonObject delta) {
    JsonObject result = whole.copy();
    merge(result.getJsonArray("sessions"), delta.getJsonArray("sessions"), "id");
    merge(result.getJsonArray("tracks"), delta.getJsonArray("tracks"), "slug");
    return result;
  }

  private static void merge(JsonArray entries, JsonArray changes, String key) {
    for (int i = 0; i < changes.size(); i++) {
      JsonObject change = changes.getJsonObject(i);
      for (int j = 0; j < entries.size(); j++) {
        JsonObject entry = entries.getJsonObject(j);
        if (entry.getValue(key).equals(change.getValue(key))) {
          entry.mergeIn(change);
        }
      }
    }
  }

  /** A fair of one track, two sessions: the first with {@code left} of 60, the second with {@code second}. */
  private static JsonObject document(int left, int second, int waitlist) {
    return new JsonObject().put("fair", "salon")
        .put("sessions", new JsonArray().add(session(1, left)).add(session(2, second)))
        .put("tracks", new JsonArray().add(new JsonObject().put("slug", "t").put("name", "T")
            .put("left", Math.min(left, second)).put("parts", new JsonObject().put("morning", Math.min(left, second)))
            .put("waitlist", waitlist)));
  }

  private static JsonObject session(long id, int left) {
    return new JsonObject().put("id", id).put("track", "t").put("title", "S" + id).put("room", "R")
        .put("capacity", 60).put("booked", 60 - left).put("left", left);
  }
}
