package fr.parcours.allocation;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.authorized;
import static fr.parcours.support.TestApp.send;

/**
 * A booking fixture fair ({@link BookingFixtures}: one track of three activities, five showings
 * each from 09:00) switched to requests then allocation, its request window closed an hour
 * ago and its allocation date tomorrow; requests are written with SQL as the request form
 * stores them.
 */
final class AllocationFixtures {

  private AllocationFixtures() {
  }

  static BookingFixtures.Fair fair(TestApp app, String slug, int capacity) {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, slug, capacity);
    exec(app, "UPDATE fairs SET registration_mode = 'allocation', requests_open_at = now() - interval '2 days', "
        + "requests_close_at = now() - interval '1 hour', allocation_at = now() + interval '1 day' WHERE id = $1",
        Tuple.of(fair.id()));
    return fair;
  }

  /** A request of {@code uai}'s class for the fair's track, 09:00 to 12:30; its id. */
  static long request(TestApp app, BookingFixtures.Fair fair, String uai, String className, int pupils, int adults) {
    long id = single(app, "INSERT INTO class_requests (fair_id, manage_token, school_name, school_uai, school_city, "
        + "teacher_name, teacher_email, class_name, class_level, pupils, adults) VALUES ($1, $2, $3, $4, 'Bordeaux', "
        + "'Mme Durand', $5, $6, '3e', $7, $8) RETURNING id", Tuple.from(new Object[] {fair.id(),
        UUID.randomUUID().toString(), "Collège " + uai, uai, "prof." + uai.toLowerCase() + "." + className.replace(' ', '-')
        .toLowerCase() + "@ac-bordeaux.fr", className, pupils, adults}));
    exec(app, "INSERT INTO class_request_choices (request_id, rank, track_id) VALUES ($1, 1, $2)",
        Tuple.of(id, fair.trackId()));
    exec(app, "INSERT INTO class_request_windows (request_id, rank, day, arrival, departure) "
        + "VALUES ($1, 1, $2, '09:00', '12:30')", Tuple.of(id, BookingFixtures.DAY));
    return id;
  }

  static HttpResponse<Buffer> preview(TestApp app, BookingFixtures.Fair fair, JsonObject body) {
    return send(authorized(app.client().post("/api/fairs/" + fair.slug() + "/allocations"), fair.ownerToken()), body);
  }

  static HttpResponse<Buffer> publish(TestApp app, BookingFixtures.Fair fair, long id) {
    return send(authorized(app.client().post("/api/fairs/" + fair.slug() + "/allocations/" + id + "/publish"),
        fair.ownerToken()), null);
  }

  static long single(TestApp app, String sql, Tuple args) {
    return await(app.pool().preparedQuery(sql).execute(args)).iterator().next().getLong(0);
  }

  static long count(TestApp app, String sql, BookingFixtures.Fair fair) {
    return single(app, sql, Tuple.of(fair.id()));
  }

  static String text(TestApp app, String sql, BookingFixtures.Fair fair) {
    return await(app.pool().preparedQuery(sql).execute(Tuple.of(fair.id()))).iterator().next().getString(0);
  }

  static void exec(TestApp app, String sql, Tuple args) {
    await(app.pool().preparedQuery(sql).execute(args));
  }
}
