package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items of one key queue while its group runs and go next as one group, in order; other keys do not wait. */
class BatcherTest {

  private final List<List<String>> groups = new ArrayList<>();
  private final List<Promise<List<Future<String>>>> running = new ArrayList<>();
  private final Batcher<Integer, String, String> batcher = new Batcher<>(3, group -> {
    groups.add(group);
    Promise<List<Future<String>>> done = Promise.promise();
    running.add(done);
    return done.future();
  });

  @Test
  void itemsArrivingDuringAGroupRunNextTogetherInOrderUpToTheMaximum() {
    Future<String> first = batcher.submit(1, "a");
    List<Future<String>> queued = List.of("b", "c", "d", "e").stream().map(item -> batcher.submit(1, item)).toList();
    Future<String> otherKey = batcher.submit(2, "x");
    assertEquals(List.of(List.of("a"), List.of("x")), groups);

    finish(0, List.of("a"));
    assertEquals("A", first.result());
    assertEquals(List.of("b", "c", "d"), groups.get(2));
    assertFalse(queued.get(0).isComplete(), "answered only once its group is written");

    finish(2, List.of("b", "c", "d"));
    assertEquals(List.of("B", "C", "D"), queued.subList(0, 3).stream().map(Future::result).toList());
    assertEquals(List.of("e"), groups.get(3));
    finish(1, List.of("x"));
    assertEquals("X", otherKey.result());
  }

  @Test
  void aFailedGroupFailsEachOfItsItemsAndTheNextGroupStillRuns() {
    batcher.submit(1, "a");
    Future<String> b = batcher.submit(1, "b");
    Future<String> c = batcher.submit(1, "c");
    running.get(0).fail("deadlock");
    running.get(1).fail("deadlock again");
    assertTrue(b.failed() && c.failed());
    Future<String> d = batcher.submit(1, "d");
    finish(2, List.of("d"));
    assertEquals("D", d.result());
  }

  @Test
  void eachItemKeepsItsOwnOutcome() {
    batcher.submit(1, "a");
    Future<String> refused = batcher.submit(1, "b");
    Future<String> placed = batcher.submit(1, "c");
    finish(0, List.of("a"));
    running.get(1).complete(List.of(Future.failedFuture("SCHOOL_CAP_REACHED"), Future.succeededFuture("C")));
    assertEquals("SCHOOL_CAP_REACHED", refused.cause().getMessage());
    assertEquals("C", placed.result());
  }

  private void finish(int group, List<String> items) {
    running.get(group).complete(items.stream().map(item -> Future.succeededFuture(item.toUpperCase())).toList());
  }
}
