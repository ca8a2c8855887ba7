package fr.parcours.association;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.List;

/** What an association has to be at: its sessions with their place and time, the classes expected, its stand. */
public final class ScheduleService {

  private final Pool pool;
  private final StandSchedule stands;
  private final ScheduleRepository repository = new ScheduleRepository();

  public ScheduleService(Pool pool, StandSchedule stands) {
    this.pool = pool;
    this.stands = stands;
  }

  public Future<JsonObject> of(Fair fair, SignedInAssociation association) {
    Future<List<Row>> sessions = repository.sessions(pool, association.id());
    Future<List<Row>> classes = repository.classes(pool, association.id());
    Future<JsonArray> reservations = stands.reservations(pool, fair, association.id());
    return Future.all(sessions, classes, reservations).map(done -> new JsonObject()
        .put("association", association.toJson())
        .put("sessions", new JsonArray(sessions.result().stream()
            .map(row -> (Object) session(row, classes.result(), fair)).toList()))
        .put("stands", reservations.result()));
  }

  private static JsonObject session(Row row, List<Row> classes, Fair fair) {
    long id = row.getLong("id");
    JsonArray expected = new JsonArray(classes.stream().filter(c -> c.getLong("session_id") == id)
        .map(c -> (Object) new JsonObject()
            .put("school", c.getString("school_name")).put("city", c.getString("school_city"))
            .put("class", c.getString("class_name")).put("level", c.getString("class_level"))
            .put("pupils", c.getInteger("pupils")).put("adults", c.getInteger("adults"))
            .put("people", c.getInteger("people")))
        .toList());
    return new JsonObject().put("id", id).put("title", row.getString("title")).put("kind", row.getString("kind"))
        .put("track", row.getString("track")).put("offer", row.getLong("offer"))
        .put("place", new JsonObject().put("slug", row.getString("place_slug")).put("name", row.getString("place_name")))
        .put("starts_at", FairTimes.format(row.getOffsetDateTime("starts_at"), fair.zone()))
        .put("ends_at", FairTimes.format(row.getOffsetDateTime("ends_at"), fair.zone()))
        .put("status", row.getString("status")).put("capacity", row.getInteger("capacity"))
        .put("booked", row.getInteger("booked")).put("classes", expected);
  }
}
