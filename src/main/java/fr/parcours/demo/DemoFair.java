package fr.parcours.demo;

import fr.parcours.auth.Organiser;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.db.NamedLock;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;
import fr.parcours.fair.SlotGrid;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.fair.resource.ResourceSpec;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo fair, modelled on Teen's Up Bordeaux: places, tracks and partners come from
 * {@code demo/teens-up-bordeaux-2027.json}; the timetable is laid out here. It is built through
 * the same services as the API, so it obeys the same rules.
 */
public final class DemoFair {

  public static final String SLUG = "teens-up-bordeaux-2027";
  private static final String DATA = "demo/teens-up-bordeaux-2027.json";
  private static final String STAND_ZONE = "village-associations";
  private static final LocalTime GRID_FROM = LocalTime.of(9, 0);
  private static final LocalTime GRID_TO = LocalTime.of(16, 30);
  private static final int SLOT_MINUTES = 30;
  private static final int CHANGEOVER_MINUTES = 10;
  /** Taken by the instance loading the demo; see {@link #loadIfMissing}. */
  private static final String LOCK = "demo-fair:" + SLUG;
  private static final Duration OPENS_BEFORE_LOAD = Duration.ofDays(1);
  /** The window around the load date when the fair's day has passed. */
  private static final Duration REGISTRATION_MARGIN = Duration.ofDays(30);
  /**
   * The grid has 11 slots (9:00 to 16:10); every activity runs in the first four and the last
   * four, so a class arriving at 9:00 or at 13:30 can follow a whole three-activity route.
   */
  private static final List<Integer> ACTIVITY_SLOTS = List.of(0, 1, 2, 3, 7, 8, 9, 10);
  private static final int SPOT_COLUMNS = 6;
  private static final int SPOT_ROWS = 4;

  private final FairService fairs;
  private final ResourceService resources;
  private final ChallengeService challenges;
  private final Pool pool;

  public DemoFair(FairService fairs, ResourceService resources, ChallengeService challenges, Pool pool) {
    this.pool = pool;
    this.challenges = challenges;
    this.fairs = fairs;
    this.resources = resources;
  }

  /**
   * Loads the demo unless a fair of its slug exists, in any state; answers whether it did. A
   * fair found is never replaced: even a draft may be an organiser's work (unpublished, edited,
   * with bookings and offers). Instances starting together take turns on a database-wide lock,
   * so the demo is loaded once.
   */
  public Future<Boolean> loadIfMissing(Organiser owner, Instant now) {
    return NamedLock.holding(pool, LOCK, () -> fairs.find(SLUG).compose(found -> found.isPresent()
        ? Future.succeededFuture(false) : load(owner, now)));
  }

  private Future<Boolean> load(Organiser owner, Instant now) {
    return load(owner, now, data()).map(true);
  }

  /**
   * Loads a fair laid out as the demo from {@code data} (shaped as {@link #data()}; the planner's
   * bench loads a bigger copy). Created as a draft and published last, so that a load cut short
   * never shows half a fair.
   */
  public Future<Fair> load(Organiser owner, Instant now, JsonObject data) {
    return fairs.create(owner, JsonInput.of(fairBody(data.getJsonObject("fair"), now)))
        .compose(created -> fill(created, data));
  }

  /**
   * Every place, slot and session in one transaction: one commit (one WAL flush) instead of one
   * per row, which made the demo load take seconds on a durable database. Each row still goes
   * through the resource rules, in order, as the API's writes would.
   */
  private Future<Fair> fill(Fair fair, JsonObject data) {
    return resources.inFairTransaction(fair, conn -> createAll(conn, fair, ResourceCatalog.VENUES, objects(data, "venues"))
            .compose(done -> createAll(conn, fair, ResourceCatalog.TRACKS, objects(data, "tracks")))
            .compose(done -> createAll(conn, fair, ResourceCatalog.ROOMS, objects(data, "rooms")))
            .compose(done -> createAll(conn, fair, ResourceCatalog.ZONES, objects(data, "zones")))
            .compose(done -> createAll(conn, fair, ResourceCatalog.STAND_SPOTS, standSpots()))
            .compose(done -> createAll(conn, fair, ResourceCatalog.ASSOCIATIONS, objects(data, "associations")))
            .compose(done -> createAll(conn, fair, ResourceCatalog.SLOTS, slots(fair)))
            .compose(done -> createAll(conn, fair, ResourceCatalog.SESSIONS, sessions(fair, objects(data, "activities")))))
        .compose(done -> challenges.createAll(fair, objects(data, "challenges")))
        .compose(done -> fairs.update(fair, JsonInput.of(new JsonObject().put("status", "published"))));
  }

  private Future<Void> createAll(SqlConnection conn, Fair fair, ResourceSpec spec, List<JsonObject> bodies) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject body : bodies) {
      chain = chain.compose(done -> resources.create(conn, fair, spec, JsonInput.of(body)).mapEmpty());
    }
    return chain;
  }

  /**
   * Registration opens the day before the load and closes when the fair's day begins. Loaded
   * after that, the window is set around the load instead, so that the demo still takes bookings.
   */
  private static JsonObject fairBody(JsonObject fair, Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    Instant fairBegins = firstDayBegins(fair);
    boolean fairAhead = now.isBefore(fairBegins);
    Instant opens = fairAhead ? hour.minus(OPENS_BEFORE_LOAD) : hour.minus(REGISTRATION_MARGIN);
    Instant closes = fairAhead ? fairBegins : hour.plus(REGISTRATION_MARGIN);
    return fair.copy()
        .put("registration_opens_at", opens.atOffset(ZoneOffset.UTC).toString())
        .put("registration_closes_at", closes.atOffset(ZoneOffset.UTC).toString());
  }

  /** Midnight of the fair's first day, in its time zone. */
  private static Instant firstDayBegins(JsonObject fair) {
    LocalDate day = LocalDate.parse(fair.getJsonArray("days").getJsonObject(0).getString("date"));
    return day.atStartOfDay(ZoneId.of(fair.getString("time_zone"))).toInstant();
  }

  /** A grid of 3 m × 2 m spots with 1 m and 2 m aisles between them. */
  private static List<JsonObject> standSpots() {
    return IntStream.range(0, SPOT_COLUMNS * SPOT_ROWS).mapToObj(i -> new JsonObject()
        .put("number", String.valueOf(i + 1)).put("zone", STAND_ZONE)
        .put("x", (i % SPOT_COLUMNS) * 4).put("y", (i / SPOT_COLUMNS) * 4)
        .put("width", 3).put("depth", 2)).toList();
  }

  /** The slots of the fair's first day, as the grid generator lays them out. */
  private static List<Interval> grid(Fair fair) {
    return SlotGrid.generate(fair.days().get(0), GRID_FROM, GRID_TO, SLOT_MINUTES, CHANGEOVER_MINUTES, fair.zone());
  }

  private static List<JsonObject> slots(Fair fair) {
    return grid(fair).stream().map(slot -> at(new JsonObject(), slot, fair)).toList();
  }

  /** Each activity at each of {@link #ACTIVITY_SLOTS}, and time at the stands in every slot. */
  private static List<JsonObject> sessions(Fair fair, List<JsonObject> activities) {
    List<Interval> grid = grid(fair);
    List<JsonObject> sessions = new ArrayList<>();
    for (JsonObject activity : activities) {
      ACTIVITY_SLOTS.forEach(index -> sessions.add(at(activity.copy(), grid.get(index), fair)));
    }
    JsonObject standTime = new JsonObject().put("title", "Temps libre au village des associations")
        .put("kind", SessionKind.STAND_TIME.json()).put("zone", STAND_ZONE);
    grid.forEach(slot -> sessions.add(at(standTime.copy(), slot, fair)));
    return sessions;
  }

  private static JsonObject at(JsonObject session, Interval slot, Fair fair) {
    return session.put("starts_at", FairTimes.format(slot.start(), fair.zone()))
        .put("ends_at", FairTimes.format(slot.end(), fair.zone()));
  }

  private static List<JsonObject> objects(JsonObject data, String key) {
    JsonArray array = data.getJsonArray(key);
    return array.stream().map(JsonObject.class::cast).toList();
  }

  /** The demo's places, tracks, partners and activities, as {@code demo/teens-up-bordeaux-2027.json} has them. */
  public static JsonObject data() {
    try (InputStream in = DemoFair.class.getClassLoader().getResourceAsStream(DATA)) {
      if (in == null) {
        throw new IllegalStateException(DATA + " is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
