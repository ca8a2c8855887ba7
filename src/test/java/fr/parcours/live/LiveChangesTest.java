package fr.parcours.live;

import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database changes reach the event bus as documented in the package, whoever writes them. */
class LiveChangesTest extends ServerTest {

  private static final List<Change> heard = new CopyOnWriteArrayList<>();
  private static long fairId;
  private static long sessionId;
  /** Markers name fairs that cannot exist. */
  private static final AtomicLong markers = new AtomicLong(-1);

  @BeforeAll
  static void listenAndBuildAFair() {
    app.application().services().vertx().eventBus().<JsonObject>consumer(LiveChanges.ADDRESS,
        message -> heard.add(Change.of(message.body())));
    long owner = single("INSERT INTO organisers (email, name, password_hash) VALUES ('live@test', 'Live', 'x') "
        + "RETURNING id", Tuple.tuple());
    fairId = single("INSERT INTO fairs (slug, name, city, time_zone, owner_id) VALUES ('live', 'Live', 'Pau', "
        + "'Europe/Paris', $1) RETURNING id", Tuple.of(owner));
    sessionId = single("INSERT INTO sessions (fair_id, activity, title, kind, starts_at, ends_at, capacity) VALUES "
        + "($1, 'a', 'A', 'talk', '2027-03-18 09:00+01', '2027-03-18 09:30+01', 1000) RETURNING id", Tuple.of(fairId));
  }

  @Test
  void placesTakenAreAvailabilityAndComeCoalesced() {
    settle();
    // A rush: the bookings commit at once, not one after the other (on a loaded machine forty
    // awaited updates can each take longer than the coalescing window).
    await(Future.all(IntStream.range(0, 40).mapToObj(i -> app.pool()
        .preparedQuery("UPDATE sessions SET booked = booked + 1 WHERE id = $1").execute(Tuple.of(sessionId)))
        .toList()));
    List<Change> burst = settle();
    long published = burst.stream().filter(new Change(fairId, Change.Kind.AVAILABILITY)::equals).count();
    assertTrue(published >= 1 && published < 40, "a burst is published coalesced: " + burst);
    assertTrue(burst.stream().noneMatch(change -> change.kind() == Change.Kind.PROGRAMME), burst.toString());
  }

  @Test
  void aSessionMovedIsAProgrammeChangeWithAHigherSequence() {
    settle();
    exec("UPDATE sessions SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', "
        + "sequence = 0 WHERE id = $1", Tuple.of(sessionId));
    Poll.until(Duration.ofSeconds(1), () -> heard, list -> list.contains(new Change(fairId, Change.Kind.PROGRAMME)));
    // The writer's own value does not count: the trigger raises SEQUENCE.
    assertEquals(1, single("SELECT sequence FROM sessions WHERE id = $1", Tuple.of(sessionId)));
  }

  @Test
  void thePayloadIsDocumentedJson() {
    assertEquals(new JsonObject().put("kind", "availability").put("fair_id", 12),
        new Change(12L, Change.Kind.AVAILABILITY).toJson());
    assertEquals(Change.RESYNC, Change.of(new JsonObject().put("kind", "resync")));
  }

  /**
   * Waits until every change notified so far has been heard, then forgets them, so a test sees
   * only its own: a marker notified now comes after them all (one channel, heard in order).
   * Returns what was heard before the marker.
   */
  private static List<Change> settle() {
    Change marker = new Change(markers.getAndDecrement(), Change.Kind.AVAILABILITY);
    exec("SELECT pg_notify($1, $2)", Tuple.of(LiveChanges.CHANNEL, marker.toJson().encode()));
    List<Change> all = Poll.until(Duration.ofSeconds(10), () -> List.copyOf(heard), list -> list.contains(marker));
    heard.clear();
    return all.subList(0, all.indexOf(marker));
  }

  private static long single(String sql, Tuple args) {
    return await(app.pool().preparedQuery(sql).execute(args)).iterator().next().getLong(0);
  }

  private static void exec(String sql, Tuple args) {
    await(app.pool().preparedQuery(sql).execute(args));
  }
}
