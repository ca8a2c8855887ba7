package fr.parcours.fair.resource;

import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.UniqueKeys;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates, edits and deletes a fair's venues, tracks, rooms, zones, stand spots, slots,
 * associations and sessions, each described by a {@link ResourceSpec} of {@link ResourceCatalog}.
 * Every write runs in one transaction holding the fair's lock, with the spec's rule checked
 * against the row as it will be stored.
 */
public final class ResourceService {

  /** Unique keys besides each kind's own key (an association's name and contact), by constraint. */
  private static final Map<String, String> OTHER_UNIQUE_FIELDS = Map.of(
      "associations_name_key", "name",
      "associations_contact_email_key", "contact_email");

  private final Pool pool;
  private final SessionChanges sessionChanges;
  private final ResourceRepository repository = new ResourceRepository();
  private final Locks locks;

  public ResourceService(Pool pool, SessionChanges sessionChanges, Locks locks) {
    this.pool = pool;
    this.sessionChanges = sessionChanges;
    this.locks = locks;
  }

  public Future<JsonObject> create(Fair fair, ResourceSpec spec, JsonInput body) {
    return Future.succeededFuture(body).map(in -> read(spec, in, true))
        .compose(row -> inFairTransaction(fair, conn -> createRow(conn, fair, spec, row)));
  }

  /** Creates a resource inside a transaction of {@link #inFairTransaction} (another feature's write). */
  public Future<JsonObject> create(SqlConnection conn, Fair fair, ResourceSpec spec, JsonInput body) {
    return Future.succeededFuture(body).map(in -> read(spec, in, true)).compose(row -> createRow(conn, fair, spec, row));
  }

  private Future<JsonObject> createRow(SqlConnection conn, Fair fair, ResourceSpec spec, ResourceRow row) {
    return store(conn, fair, spec, ResourceRow.EMPTY, row);
  }

  /** Creates rows already validated (the slot generator's), all or none. */
  Future<JsonArray> createAll(Fair fair, ResourceSpec spec, List<ResourceRow> rows) {
    return inFairTransaction(fair, conn -> {
      Future<JsonArray> created = Future.succeededFuture(new JsonArray());
      for (ResourceRow row : rows) {
        created = created.compose(list -> store(conn, fair, spec, ResourceRow.EMPTY, row).map(list::add));
      }
      return created;
    });
  }

  /** Applies the fields present in {@code body} to the resource named {@code key}. */
  public Future<JsonObject> update(Fair fair, ResourceSpec spec, String key, JsonInput body) {
    return Future.succeededFuture(body).map(in -> read(spec, in, false))
        .compose(changes -> inFairTransaction(fair, conn -> updateRow(conn, fair, spec, key, changes)));
  }

  /** Edits a resource inside a transaction of {@link #inFairTransaction} (another feature's write). */
  public Future<JsonObject> update(SqlConnection conn, Fair fair, ResourceSpec spec, String key, JsonInput body) {
    return Future.succeededFuture(body).map(in -> read(spec, in, false))
        .compose(changes -> updateRow(conn, fair, spec, key, changes));
  }

  private Future<JsonObject> updateRow(SqlConnection conn, Fair fair, ResourceSpec spec, String key,
                                       ResourceRow changes) {
    return lockTrackOf(conn, fair, spec, key)
        .compose(locked -> stored(conn, fair, spec, key))
        .compose(row -> store(conn, fair, spec, row, changes));
  }

  /** Lets the bookings of a written session's track follow, in the same transaction. */
  private Future<Void> afterWrite(SqlConnection conn, Fair fair, ResourceSpec spec, ResourceRow written) {
    Long trackId = written.ref("track_id");
    if (spec != ResourceCatalog.SESSIONS || trackId == null) {
      return Future.succeededFuture();
    }
    return sessionChanges.sessionWritten(conn, fair, written.id(), trackId);
  }

  /**
   * A session's track is locked before the session's row, as bookings take them. Its track
   * cannot change between the read and the lock: only this feature moves sessions, under the
   * fair's lock.
   */
  private Future<Void> lockTrackOf(SqlConnection conn, Fair fair, ResourceSpec spec, String key) {
    if (spec != ResourceCatalog.SESSIONS) {
      return Future.succeededFuture();
    }
    return keyValue(spec, key).compose(id -> repository.trackOfSession(conn, fair.id(), (Long) id))
        .compose(track -> track.map(id -> locks.take(conn, Lock.track(id))).orElse(Future.succeededFuture()));
  }

  /**
   * The track a session is being written into, locked before the row is (a no-op when it did
   * not change). A move holds two tracks, the second after the first whatever their ids: the
   * fair's lock keeps two moves from crossing.
   */
  private Future<Void> lockNewTrack(SqlConnection conn, ResourceSpec spec, ResourceRow row) {
    Long trackId = row.ref("track_id");
    return spec == ResourceCatalog.SESSIONS && trackId != null
        ? locks.take(conn, Lock.track(trackId))
        : Future.succeededFuture();
  }

  public Future<Void> delete(Fair fair, ResourceSpec spec, String key) {
    return inFairTransaction(fair, conn -> delete(conn, fair, spec, key));
  }

  /** Deletes a resource inside a transaction of {@link #inFairTransaction} (another feature's write). */
  public Future<Void> delete(SqlConnection conn, Fair fair, ResourceSpec spec, String key) {
    return lockTrackOf(conn, fair, spec, key)
        .compose(locked -> stored(conn, fair, spec, key))
        .compose(row -> spec.rule().beforeDelete(conn, fair, row)
            .compose(allowed -> repository.delete(conn, spec, row.id())));
  }

  /** What a write of {@code body} would be refused for in its fields (references and rules are checked on writing). */
  public List<FieldError> problems(ResourceSpec spec, JsonObject body, boolean creating) {
    try {
      read(spec, JsonInput.of(body), creating);
      return List.of();
    } catch (AppException refused) {
      return refused.details();
    }
  }

  /** The fair's sub-resources as its pages read them (contact addresses included: pages show what they choose). */
  public Future<FairProgramme> programme(Fair fair) {
    ZoneId zone = fair.zone();
    Future<List<FairProgramme.Venue>> venues = read(fair, ResourceCatalog.VENUES, FairProgramme.Venue::of);
    Future<List<FairProgramme.Track>> tracks = tracks(fair);
    Future<List<FairProgramme.Room>> rooms = read(fair, ResourceCatalog.ROOMS, FairProgramme.Room::of);
    Future<List<FairProgramme.Zone>> zones = zones(fair);
    Future<List<FairProgramme.StandSpot>> spots = read(fair, ResourceCatalog.STAND_SPOTS, FairProgramme.StandSpot::of);
    Future<List<FairProgramme.Slot>> slots = slots(fair);
    Future<List<FairProgramme.Association>> associations =
        read(fair, ResourceCatalog.ASSOCIATIONS, FairProgramme.Association::of);
    Future<List<ShownSession>> sessions = read(fair, ResourceCatalog.SESSIONS, row -> ShownSession.of(row, zone));
    return Future.all(List.of(venues, tracks, rooms, zones, spots, slots, associations, sessions))
        .map(done -> new FairProgramme(venues.result(), tracks.result(), rooms.result(), zones.result(),
            spots.result(), slots.result(), associations.result(), sessions.result()));
  }

  public Future<List<FairProgramme.Track>> tracks(Fair fair) {
    return read(fair, ResourceCatalog.TRACKS, FairProgramme.Track::of);
  }

  public Future<List<FairProgramme.Zone>> zones(Fair fair) {
    return read(fair, ResourceCatalog.ZONES, FairProgramme.Zone::of);
  }

  public Future<List<FairProgramme.Slot>> slots(Fair fair) {
    ZoneId zone = fair.zone();
    return read(fair, ResourceCatalog.SLOTS, row -> FairProgramme.Slot.of(row, zone));
  }

  private <T> Future<List<T>> read(Fair fair, ResourceSpec spec, Function<Row, T> record) {
    return repository.view(pool, spec, fair.id(), null).map(rows -> rows.stream().map(record).toList());
  }

  /**
   * The programme as the API shows it: one list per kind, named by its JSON name; the
   * {@link ResourceCatalog#PERSONAL} fields only for the fair's team ({@code personal}), as
   * visitors, teachers and other associations read the programme too.
   */
  public Future<JsonObject> document(Fair fair, boolean personal) {
    List<Future<JsonArray>> lists = ResourceCatalog.ALL.stream().map(spec -> repository.view(pool, spec, fair.id(), null)
        .map(rows -> new JsonArray(rows.stream().map(row -> shown(row, spec, fair, personal)).toList()))).toList();
    return Future.all(lists).map(done -> {
      JsonObject programme = new JsonObject();
      for (int i = 0; i < lists.size(); i++) {
        programme.put(ResourceCatalog.ALL.get(i).jsonName(), lists.get(i).result());
      }
      return programme;
    });
  }

  private static Object shown(Row row, ResourceSpec spec, Fair fair, boolean personal) {
    JsonObject json = ResourceJson.of(row, spec, fair.zone());
    if (!personal) {
      ResourceCatalog.PERSONAL.forEach(json::remove);
    }
    return json;
  }

  /**
   * Runs {@code work} in one transaction holding the fair's lock, as every write here does, so
   * that another feature's checks and its resource writes commit together or not at all. Run again if PostgreSQL aborts it to settle a race.
   */
  public <T> Future<T> inFairTransaction(Fair fair, Function<SqlConnection, Future<T>> work) {
    return Retries.onRace(() -> pool.withTransaction(conn -> locks.take(conn, Lock.fair(fair.id()))
        .compose(locked -> work.apply(conn))));
  }

  /**
   * Merges {@code changes} into the {@code stored} row (empty for a new one), checks it, saves it
   * and lets what follows a session's write follow; answers it as the API shows it.
   */
  private Future<JsonObject> store(SqlConnection conn, Fair fair, ResourceSpec spec, ResourceRow stored,
                                   ResourceRow changes) {
    return resolve(conn, fair, spec, changes)
        .map(stored::merged)
        .compose(row -> lockNewTrack(conn, spec, row).map(row))
        .compose(row -> spec.rule().beforeWrite(conn, fair, stored, row))
        .compose(row -> save(conn, fair, spec, row).map(id -> row.with("id", id)))
        .compose(written -> repository.view(conn, spec, fair.id(), written.id())
            .map(rows -> ResourceJson.of(rows.get(0), spec, fair.zone()))
            .compose(shown -> afterWrite(conn, fair, spec, written).map(shown)));
  }

  /** Inserts or updates the row; answers its id. */
  private Future<Long> save(SqlConnection conn, Fair fair, ResourceSpec spec, ResourceRow row) {
    Future<Long> saved = row.isNew()
        ? repository.insert(conn, spec, fair.id(), row)
        : repository.update(conn, spec, row.id(), row).map(row.id());
    return saved.recover(UniqueKeys.clashOn(OTHER_UNIQUE_FIELDS, spec.key()));
  }

  private Future<ResourceRow> stored(SqlConnection conn, Fair fair, ResourceSpec spec, String key) {
    return keyValue(spec, key)
        .compose(value -> repository.findRow(conn, spec, fair.id(), value))
        .map(found -> found.orElseThrow(() -> AppException.notFound(spec.jsonName(), key)));
  }

  private static Future<Object> keyValue(ResourceSpec spec, String key) {
    if (!spec.keyedById()) {
      return Future.succeededFuture(key);
    }
    try {
      return Future.succeededFuture(Long.parseLong(key));
    } catch (NumberFormatException e) {
      return Future.failedFuture(AppException.notFound(spec.jsonName(), key));
    }
  }

  /** The body's fields by column: all of them for a creation (with fallbacks), those present for an edit. */
  private static ResourceRow read(ResourceSpec spec, JsonInput in, boolean creating) {
    Map<String, Object> row = new HashMap<>();
    for (FieldSpec field : spec.fields()) {
      if (creating || in.has(field.name())) {
        Object value = field.read(in);
        row.put(field.column(), value == null ? field.fallback() : value);
      }
    }
    in.validate();
    return new ResourceRow(row);
  }

  /** Replaces the slugs of reference fields by ids; unknown slugs are a 422 naming every such field. */
  private Future<ResourceRow> resolve(SqlConnection conn, Fair fair, ResourceSpec spec, ResourceRow changes) {
    // Before this, a reference column holds the slug the body gave.
    List<FieldSpec> references = spec.fields().stream()
        .filter(field -> field.type() == FieldSpec.Type.REFERENCE && changes.value(field.column()) instanceof String)
        .toList();
    List<Future<Optional<Long>>> lookups = references.stream()
        .map(field -> repository.idOfSlug(conn, field.refTable(), fair.id(), changes.text(field.column())))
        .toList();
    return Future.all(lookups).map(done -> {
      Map<String, Object> resolved = new HashMap<>(changes.columns());
      List<FieldError> unknown = new ArrayList<>();
      for (int i = 0; i < references.size(); i++) {
        FieldSpec field = references.get(i);
        lookups.get(i).result().ifPresentOrElse(id -> resolved.put(field.column(), id),
            () -> unknown.add(FieldError.of(field.name(), "UNKNOWN_REFERENCE")));
      }
      if (!unknown.isEmpty()) {
        throw AppException.unprocessable("UNKNOWN_REFERENCE", Map.of(), unknown);
      }
      return new ResourceRow(resolved);
    });
  }
}
