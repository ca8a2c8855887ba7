package fr.parcours.planner;

import fr.parcours.association.OfferKind;
import fr.parcours.db.Results;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** The planner's SQL: the programme a plan starts from, and the plans themselves. */
final class PlanRepository {

  /** What the solver reads of a fair, with the programme's version read first (see {@link #snapshot}). */
  record Snapshot(OffsetDateTime programmeChangedAt, List<PlanRoom> rooms, List<TrackRow> tracks, List<Interval> slots,
                  List<SessionRow> sessions, List<OfferRow> offers) {
  }

  record TrackRow(String slug, String name, int classSize) {
  }

  /** A session of the fair, scheduled or cancelled (a cancelled one still names an activity). */
  record SessionRow(long id, String activity, String title, String kind, String level, String description,
                    String track, String room, String association, Interval period, int booked, boolean scheduled) {

    /** As a plan's sessions are given: where and when, in the fair's time. */
    JsonObject toJson(ZoneId zone) {
      return new JsonObject().put("session", id).put("activity", activity).put("title", title).put("kind", kind)
          .put("track", track).put("room", room).put("starts_at", FairTimes.format(period.start(), zone))
          .put("ends_at", FairTimes.format(period.end(), zone)).put("booked", booked);
    }
  }

  /** An accepted talk or workshop, an activity of its track even before it is placed. */
  record OfferRow(long id, String title, String kind, String level, String description, String track,
                  String association, int durationMinutes, int people, boolean screen, boolean power,
                  List<Interval> availability) {
  }

  /** A stored plan. */
  record PlanRow(long id, long fairId, String status, JsonObject request, OffsetDateTime programmeChangedAt,
                 JsonObject report, String error, OffsetDateTime heartbeatAt, OffsetDateTime now) {
  }

  private static final String SESSIONS = "SELECT s.id, s.activity, s.title, s.kind, s.level, s.description, "
      + "s.starts_at, s.ends_at, s.booked, s.status, t.slug AS track, r.slug AS room, a.slug AS association "
      + "FROM sessions s LEFT JOIN tracks t ON t.id = s.track_id LEFT JOIN rooms r ON r.id = s.room_id "
      + "LEFT JOIN associations a ON a.id = s.association_id WHERE s.fair_id = $1 "
      + "AND s.kind <> '" + SessionKind.STAND_TIME.json() + "' "
      + "ORDER BY s.starts_at, s.id";
  private static final String OFFERS = "SELECT o.id, o.title, o.kind, o.audience, o.description, o.duration_minutes, "
      + "o.people, o.needs_screen, o.needs_power, t.slug AS track, a.slug AS association FROM offers o "
      + "JOIN tracks t ON t.id = o.track_id JOIN associations a ON a.id = o.association_id "
      + "WHERE o.fair_id = $1 AND o.status = 'accepted' AND o.kind = ANY($2) ORDER BY o.id";
  private static final String PLAN = "SELECT p.*, now() AS now FROM plans p WHERE p.fair_id = $1 AND p.id = $2";

  /**
   * The programme's version is read before the rest: a change committed meanwhile makes the
   * version older than what was read, so applying the plan is refused rather than the change lost.
   */
  Future<Snapshot> snapshot(SqlConnection conn, long fairId) {
    Tuple fair = Tuple.of(fairId);
    return conn.preparedQuery("SELECT programme_changed_at FROM fairs WHERE id = $1").execute(fair)
        .map(rows -> rows.iterator().next().getOffsetDateTime("programme_changed_at"))
        .compose(version -> conn.preparedQuery("SELECT r.slug, r.name, r.capacity, r.screen, r.power, v.slug AS venue "
                + "FROM rooms r JOIN venues v ON v.id = r.venue_id WHERE r.fair_id = $1 ORDER BY r.slug").execute(fair)
            .map(rows -> list(rows, row -> new PlanRoom(row.getString("slug"), row.getString("name"),
                row.getString("venue"), row.getInteger("capacity"), row.getBoolean("screen"), row.getBoolean("power"))))
            .compose(rooms -> conn.preparedQuery("SELECT slug, name, class_size FROM tracks WHERE fair_id = $1 "
                    + "ORDER BY position, slug").execute(fair)
                .map(rows -> list(rows, row -> new TrackRow(row.getString("slug"), row.getString("name"),
                    row.getInteger("class_size"))))
                .compose(tracks -> conn.preparedQuery("SELECT starts_at, ends_at FROM slots WHERE fair_id = $1 "
                        + "ORDER BY starts_at").execute(fair).map(rows -> list(rows, PlanRepository::period))
                    .compose(slots -> conn.preparedQuery(SESSIONS).execute(fair).map(rows -> list(rows, PlanRepository::session))
                        .compose(sessions -> offers(conn, fairId)
                            .map(offers -> new Snapshot(version, rooms, tracks, slots, sessions, offers)))))));
  }

  private Future<List<OfferRow>> offers(SqlConnection conn, long fairId) {
    return conn.preparedQuery("SELECT w.offer_id, w.starts_at, w.ends_at FROM offer_availability w "
            + "JOIN offers o ON o.id = w.offer_id WHERE o.fair_id = $1 ORDER BY w.starts_at").execute(Tuple.of(fairId))
        .map(rows -> {
          Map<Long, List<Interval>> windows = new HashMap<>();
          rows.forEach(row -> windows.computeIfAbsent(row.getLong("offer_id"), id -> new ArrayList<>()).add(period(row)));
          return windows;
        })
        .compose(windows -> conn.preparedQuery(OFFERS).execute(Tuple.of(fairId).addArrayOfString(OfferKind.PLACED.toArray(String[]::new)))
            .map(rows -> list(rows, row -> offer(row, windows.getOrDefault(row.getLong("id"), List.of())))));
  }

  private static OfferRow offer(Row row, List<Interval> availability) {
    return new OfferRow(row.getLong("id"), row.getString("title"), row.getString("kind"),
        "both".equals(row.getString("audience")) ? "" : row.getString("audience"), row.getString("description"),
        row.getString("track"), row.getString("association"), row.getInteger("duration_minutes"),
        row.getInteger("people"), row.getBoolean("needs_screen"), row.getBoolean("needs_power"), availability);
  }

  /** The scheduled sessions as they stand now, under the fair's lock: what applying a plan changes. */
  Future<List<SessionRow>> scheduled(SqlConnection conn, long fairId) {
    return conn.preparedQuery(SESSIONS).execute(Tuple.of(fairId))
        .map(rows -> list(rows, PlanRepository::session).stream().filter(SessionRow::scheduled).toList());
  }

  Future<OffsetDateTime> programmeChangedAt(SqlClient client, long fairId) {
    return client.preparedQuery("SELECT programme_changed_at FROM fairs WHERE id = $1").execute(Tuple.of(fairId))
        .map(rows -> rows.iterator().next().getOffsetDateTime("programme_changed_at"));
  }

  Future<Long> insert(SqlClient client, long fairId, JsonObject request, OffsetDateTime programmeChangedAt) {
    return client.preparedQuery("INSERT INTO plans (fair_id, request, programme_changed_at) VALUES ($1, $2, $3) "
            + "RETURNING id").execute(Tuple.of(fairId, request, programmeChangedAt))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Stores the best so far and the instance's heartbeat; answers whether a stop was asked meanwhile. */
  Future<Boolean> progress(SqlClient client, long id, JsonObject report) {
    return client.preparedQuery("UPDATE plans SET report = coalesce($2, report), heartbeat_at = now(), "
            + "updated_at = now() WHERE id = $1 AND status = 'solving' RETURNING stop_requested")
        .execute(Tuple.of(id, report))
        .map(rows -> Results.first(rows).map(row -> row.getBoolean("stop_requested")).orElse(true));
  }

  Future<Void> finish(SqlClient client, long id, String status, JsonObject report, String error) {
    return client.preparedQuery("UPDATE plans SET status = $2, report = coalesce($3, report), error = $4, "
            + "heartbeat_at = now(), updated_at = now() WHERE id = $1 AND status = 'solving'")
        .execute(Tuple.of(id, status, report, error)).mapEmpty();
  }

  Future<Boolean> requestStop(SqlClient client, long fairId, long id) {
    return client.preparedQuery("UPDATE plans SET stop_requested = true, updated_at = now() "
            + "WHERE fair_id = $1 AND id = $2 RETURNING id").execute(Tuple.of(fairId, id))
        .map(rows -> rows.size() > 0);
  }

  Future<Optional<PlanRow>> find(SqlClient client, long fairId, long id) {
    return client.preparedQuery(PLAN).execute(Tuple.of(fairId, id)).map(rows -> Results.first(rows).map(row ->
        new PlanRow(row.getLong("id"), row.getLong("fair_id"), row.getString("status"),
            (JsonObject) row.getJson("request"), row.getOffsetDateTime("programme_changed_at"),
            (JsonObject) row.getJson("report"), row.getString("error"), row.getOffsetDateTime("heartbeat_at"),
            row.getOffsetDateTime("now"))));
  }

  /** The fair's latest plan, if any: the plan page shows it. */
  Future<Optional<Long>> latest(SqlClient client, long fairId) {
    return client.preparedQuery("SELECT max(id) AS id FROM plans WHERE fair_id = $1").execute(Tuple.of(fairId))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getLong("id")));
  }

  Future<Void> applied(SqlClient client, long id) {
    return client.preparedQuery("UPDATE plans SET applied_at = now(), updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }

  private static SessionRow session(Row row) {
    return new SessionRow(row.getLong("id"), row.getString("activity"), row.getString("title"), row.getString("kind"),
        row.getString("level"), row.getString("description"), row.getString("track"), row.getString("room"),
        row.getString("association"), period(row), row.getInteger("booked"), "scheduled".equals(row.getString("status")));
  }

  private static Interval period(Row row) {
    return new Interval(row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("ends_at"));
  }

  private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
    return StreamSupport.stream(rows.spliterator(), false).map(map).toList();
  }
}
