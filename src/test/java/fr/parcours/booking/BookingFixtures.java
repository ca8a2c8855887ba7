package fr.parcours.booking;

import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.List;

import static fr.parcours.support.TestApp.await;

/**
 * Fair data for booking tests, written with SQL to set up exactly what each test needs
 * (BookingEndToEndTest builds its fair through the organiser API instead): a published
 * fair in Europe/Paris on one winter day (+01:00), registration open, 10-minute changeover,
 * and a track "s-orienter" whose three activities are each given five times, 30 minutes long,
 * every 40 minutes from 09:00 (09:00, 09:40, 10:20, 11:00, 11:40), each in its own room.
 */
public final class BookingFixtures {

  public static final LocalDate DAY = LocalDate.of(2027, 1, 14);
  static final String TRACK = "s-orienter";
  static final List<String> ACTIVITIES = List.of("atelier-cv", "metiers-numerique", "temoignage");
  static final int SHOWINGS = 5;

  /** A fair made for one test: its slug, id, owner's login token and track id. */
  public record Fair(String slug, long id, String ownerToken, long trackId) {
  }

  private BookingFixtures() {
  }

  public static Fair fair(TestApp app, String slug, int capacity) {
    String token = app.organiserToken(slug + "@organiser.test");
    long ownerId = single(app, "SELECT id FROM organisers WHERE email = $1", Tuple.of(slug + "@organiser.test"));
    long fairId = single(app, "INSERT INTO fairs (slug, name, city, time_zone, status, owner_id, "
        + "registration_opens_at, registration_closes_at, changeover_minutes) VALUES ($1, $2, 'Bordeaux', "
        + "'Europe/Paris', 'published', $3, now() - interval '1 day', now() + interval '30 days', 10) RETURNING id",
        Tuple.of(slug, "Teen's Up " + slug, ownerId));
    exec(app, "INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, '08:30', '17:00')",
        Tuple.of(fairId, DAY));
    long venueId = single(app, "INSERT INTO venues (fair_id, slug, name, address, city) VALUES ($1, 'hotel-de-region', "
        + "'Hôtel de Région', '14 rue François de Sourdis', 'Bordeaux') RETURNING id", Tuple.of(fairId));
    long trackId = single(app, "INSERT INTO tracks (fair_id, slug, name) VALUES ($1, $2, 'S''orienter') RETURNING id",
        Tuple.of(fairId, TRACK));
    ACTIVITIES.forEach(activity -> showings(app, fairId, venueId, trackId, "", activity, capacity));
    exec(app, "INSERT INTO sessions (fair_id, activity, title, kind, track_id, starts_at, ends_at, capacity) "
        + "VALUES ($1, 'stands', 'Stands', 'stand_time', $2, $3::date + time '12:30', $3::date + time '15:00', 1000)",
        Tuple.of(fairId, trackId, DAY));
    return new Fair(slug, fairId, token, trackId);
  }

  /** Another track of the fair, its activities shown as the first track's, in rooms of its own. */
  static long addTrack(TestApp app, Fair fair, String slug, int capacity) {
    long venueId = single(app, "SELECT id FROM venues WHERE fair_id = $1", Tuple.of(fair.id()));
    long trackId = single(app, "INSERT INTO tracks (fair_id, slug, name) VALUES ($1, $2, $2) RETURNING id",
        Tuple.of(fair.id(), slug));
    ACTIVITIES.forEach(activity -> showings(app, fair.id(), venueId, trackId, slug + "-", activity, capacity));
    return trackId;
  }

  /** An activity's sessions in a room of its own, named after it ({@code prefix} tells another track's rooms apart). */
  private static void showings(TestApp app, long fairId, long venueId, long trackId, String prefix, String activity,
                               int capacity) {
    long roomId = single(app, "INSERT INTO rooms (fair_id, venue_id, slug, name, kind, capacity) "
        + "VALUES ($1, $2, $3, $4, 'workshop', $5) RETURNING id",
        Tuple.of(fairId, venueId, "salle-" + prefix + activity, "Salle " + prefix + activity, capacity));
    exec(app, "INSERT INTO sessions (fair_id, activity, title, kind, track_id, room_id, starts_at, ends_at, capacity) "
        + "SELECT $1, $2, initcap(replace($2, '-', ' ')), 'workshop', $3, $4, "
        + "(($5::date + time '09:00') + i * interval '40 minutes') AT TIME ZONE 'Europe/Paris', "
        + "(($5::date + time '09:30') + i * interval '40 minutes') AT TIME ZONE 'Europe/Paris', $6 "
        + "FROM generate_series(0, $7 - 1) AS i",
        Tuple.of(fairId, activity, trackId, roomId, DAY, capacity, SHOWINGS));
  }

  static void closeRegistration(TestApp app, Fair fair) {
    exec(app, "UPDATE fairs SET registration_opens_at = now() - interval '10 days', "
        + "registration_closes_at = now() - interval '1 day' WHERE id = $1", Tuple.of(fair.id()));
  }

  static void addDay(TestApp app, Fair fair, LocalDate day) {
    exec(app, "INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, '08:30', '17:00')",
        Tuple.of(fair.id(), day));
  }

  /** A valid booking body: 3e B of a Bordeaux collège, arriving 09:00, leaving 12:30. */
  public static JsonObject request(String uai, String className, int pupils, int adults) {
    return new JsonObject()
        .put("school", new JsonObject().put("name", "Collège Jean Moulin").put("uai", uai).put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "Mme Durand").put("email", "durand."
            + className.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + "@ac-bordeaux.fr"))
        .put("class", new JsonObject().put("name", className).put("level", "3e"))
        .put("pupils", pupils)
        .put("adults", adults)
        .put("track", TRACK)
        .put("arrival", "09:00")
        .put("departure", "12:30");
  }

  /** The teacher's booking form as a browser posts it: 3e D of a Bordeaux collège, 09:00 to 12:30. */
  static MultiMap form(String idempotencyKey) {
    return MultiMap.caseInsensitiveMultiMap()
        .add("idempotency_key", idempotencyKey)
        .add("school.name", "Collège Jean Moulin").add("school.uai", "0330023A").add("school.city", "Bordeaux")
        .add("teacher.name", "Mme Durand").add("teacher.email", "durand@ac-bordeaux.fr")
        .add("class.name", "3e D").add("class.level", "3e").add("pupils", "25").add("adults", "2")
        .add("track", TRACK).add("arrival", "09:00").add("departure", "12:30");
  }

  static long single(TestApp app, String sql, Tuple args) {
    Row row = await(app.pool().preparedQuery(sql).execute(args)).iterator().next();
    return row.getLong(0);
  }

  static void exec(TestApp app, String sql, Tuple args) {
    await(app.pool().preparedQuery(sql).execute(args));
  }
}
