package fr.parcours.calendar;

import fr.parcours.db.Results;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.Interval;
import fr.parcours.stand.StandPeriod;
import fr.parcours.i18n.Catalogue;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** SQL behind the calendar feeds. */
final class CalendarRepository {

  /**
   * The fair a feed belongs to; {@code changedAt} covers every change of its programme, deletions
   * too; a feed's own words ("Parcours : …") are in the fair's {@code language}.
   */
  record FairHead(long id, String slug, String name, ZoneId zone, boolean published, Instant changedAt,
                  String language) {
  }

  /** A part of a fair a feed is made for (a track, a room, an association, a selection, a booking). */
  record Part(long id, long fairId, String name, Instant changedAt) {
  }

  /** A track or room with a feed of its own. */
  record Listed(String slug, String name) {
  }

  /** Which sessions of the fair ($1) a feed shows; $2 names the part. */
  enum Scope {
    WHOLE("s.fair_id = $1"),
    TRACK("s.fair_id = $1 AND s.track_id = $2"),
    ROOM("s.fair_id = $1 AND s.room_id = $2"),
    // The association's sessions; its stand time is read apart (standTime).
    ASSOCIATION("s.fair_id = $1 AND s.association_id = $2"),
    SELECTION("s.fair_id = $1 AND s.id IN (SELECT session_id FROM selection_sessions WHERE selection_id = $2)");

    private final String where;

    Scope(String where) {
      this.where = where;
    }
  }

  private static final String FAIR = "SELECT id, slug, name, time_zone, language, status = 'published' AS published, "
      + "greatest(updated_at, programme_changed_at) AS changed_at FROM fairs ";

  private static final String EVENT_COLUMNS = "s.id, s.title, s.description, s.status, s.sequence, s.starts_at, "
      + "s.ends_at, s.updated_at, t.name AS track_name, a.name AS association_name, "
      + "array_to_string(o.trades, ', ') AS trades, "
      + "concat_ws(', ', r.name, z.name, v.name, v.address, v.city) AS location";
  private static final String EVENT_JOINS = " LEFT JOIN tracks t ON t.id = s.track_id "
      + "LEFT JOIN associations a ON a.id = s.association_id LEFT JOIN rooms r ON r.id = s.room_id "
      + "LEFT JOIN offers o ON o.session_id = s.id "
      + "LEFT JOIN zones z ON z.id = s.zone_id LEFT JOIN venues v ON v.id = coalesce(r.venue_id, z.venue_id) ";
  private static final String ORDER = " ORDER BY s.starts_at, s.id";

  // Every reservation that has held a spot: a confirmed one is stand time, any other was and is
  // shown cancelled; a waiting one that never held a spot was never an event.
  private static final String STAND_TIME = "SELECT r.id, r.day, r.period, r.status, r.sequence, r.updated_at, "
      + "concat_ws(' — ', coalesce('Stand ' || sp.number, 'Stand'), z.name) AS title, "
      + "a.name AS association_name, d.opens_at, d.closes_at, "
      + "concat_ws(', ', 'Stand ' || sp.number, z.name, v.name, v.address, v.city) AS location "
      + "FROM stand_reservations r JOIN associations a ON a.id = r.association_id "
      + "LEFT JOIN stand_spots sp ON sp.id = r.last_spot_id LEFT JOIN zones z ON z.id = sp.zone_id "
      + "LEFT JOIN venues v ON v.id = z.venue_id JOIN fair_days d ON d.fair_id = r.fair_id AND d.day = r.day "
      + "WHERE r.association_id = $1 AND r.held_spot ORDER BY r.day, r.halves, r.id";

  private static final String BOOKING = "SELECT b.id, b.fair_id, b.class_name || ' (' || b.school_name || ')' AS name, "
      + "greatest(b.updated_at, (SELECT max(updated_at) FROM booking_sessions WHERE booking_id = b.id)) AS changed_at "
      + "FROM bookings b WHERE b.feed_token = $1 OR b.manage_token = $1";

  // A released place (route changed, booking cancelled) stays in the feed as cancelled.
  private static final String ROUTE = "SELECT " + EVENT_COLUMNS + ", bs.revision, bs.released_at, "
      + "greatest(bs.updated_at, s.updated_at) AS modified_at FROM booking_sessions bs "
      + "JOIN sessions s ON s.id = bs.session_id" + EVENT_JOINS + "WHERE bs.booking_id = $1" + ORDER;

  private final Pool pool;
  private final CalendarLinks links;

  CalendarRepository(Pool pool, CalendarLinks links) {
    this.pool = pool;
    this.links = links;
  }

  Future<Optional<FairHead>> fair(String slug) {
    return one(FAIR + "WHERE slug = $1", Tuple.of(slug), CalendarRepository::fairHead);
  }

  Future<Optional<FairHead>> fair(long id) {
    return one(FAIR + "WHERE id = $1", Tuple.of(id), CalendarRepository::fairHead);
  }

  Future<Optional<Part>> track(long fairId, String slug) {
    return one("SELECT id, fair_id, name, NULL::timestamptz AS changed_at FROM tracks WHERE fair_id = $1 AND slug = $2",
        Tuple.of(fairId, slug), CalendarRepository::part);
  }

  Future<Optional<Part>> room(long fairId, String slug) {
    return one("SELECT id, fair_id, name, NULL::timestamptz AS changed_at FROM rooms WHERE fair_id = $1 AND slug = $2",
        Tuple.of(fairId, slug), CalendarRepository::part);
  }

  Future<Optional<Part>> association(String token) {
    return one("SELECT id, fair_id, name, NULL::timestamptz AS changed_at FROM associations WHERE calendar_token = $1",
        Tuple.of(token), CalendarRepository::part);
  }

  Future<Optional<Part>> selection(String token) {
    return one("SELECT id, fair_id, '' AS name, updated_at AS changed_at FROM selections WHERE token = $1",
        Tuple.of(token), CalendarRepository::part);
  }

  /** By its feed token, or by its manage token: the feed links mailed before feeds had their own. */
  Future<Optional<Part>> booking(String token) {
    return one(BOOKING, Tuple.of(token), CalendarRepository::part);
  }

  /** The calendar tokens of the fair's associations, by slug: only its organiser may see them. */
  Future<Optional<String>> associationToken(long fairId, String slug) {
    return one("SELECT calendar_token FROM associations WHERE fair_id = $1 AND slug = $2", Tuple.of(fairId, slug),
        row -> row.getString(0));
  }

  /** The fair's tracks, in the programme's order, for the list of its feeds. */
  Future<List<Listed>> tracks(long fairId) {
    return listed("SELECT slug, name FROM tracks WHERE fair_id = $1 ORDER BY position, slug", fairId);
  }

  Future<List<Listed>> rooms(long fairId) {
    return listed("SELECT slug, name FROM rooms WHERE fair_id = $1 ORDER BY slug", fairId);
  }

  private Future<List<Listed>> listed(String sql, long fairId) {
    return pool.preparedQuery(sql).execute(Tuple.of(fairId)).map(rows -> {
      List<Listed> list = new ArrayList<>();
      rows.forEach(row -> list.add(new Listed(row.getString("slug"), row.getString("name"))));
      return list;
    });
  }

  Future<List<CalendarEvent>> events(FairHead fair, Scope scope, Long partId) {
    Tuple args = scope == Scope.WHOLE ? Tuple.of(fair.id()) : Tuple.of(fair.id(), partId);
    return pool.preparedQuery("SELECT " + EVENT_COLUMNS + " FROM sessions s" + EVENT_JOINS + "WHERE " + scope.where
            + ORDER)
        .execute(args)
        .map(rows -> {
          List<CalendarEvent> events = new ArrayList<>();
          rows.forEach(row -> events.add(event(fair, row, "session-" + row.getLong("id") + "@parcours", 0, false,
              row.getOffsetDateTime("updated_at"))));
          return events;
        });
  }

  /** The association's stand time: one event per reservation, its times those of its period that day. */
  Future<List<CalendarEvent>> standTime(FairHead fair, long associationId) {
    return pool.preparedQuery(STAND_TIME).execute(Tuple.of(associationId)).map(rows -> {
      List<CalendarEvent> events = new ArrayList<>();
      rows.forEach(row -> events.add(standEvent(fair, row)));
      return events;
    });
  }

  private static CalendarEvent standEvent(FairHead fair, Row row) {
    FairDay day = new FairDay(row.getLocalDate("day"), row.getLocalTime("opens_at"), row.getLocalTime("closes_at"));
    Interval times = StandPeriod.of(row.getString("period")).on(day, fair.zone());
    return new CalendarEvent("stand-" + row.getLong("id") + "@parcours",
        row.getString("title"),
        Catalogue.say(fair.language(), "ical_association", Map.of("name",
            Objects.requireNonNullElse(row.getString("association_name"), ""))),
        row.getString("location"),
        times.start(), times.end(), row.getInteger("sequence"), !"confirmed".equals(row.getString("status")),
        row.getOffsetDateTime("updated_at"), null, null);
  }

  /** A class's route: every session it holds or once held, with UIDs of its own. */
  Future<List<CalendarEvent>> route(FairHead fair, long bookingId) {
    return pool.preparedQuery(ROUTE).execute(Tuple.of(bookingId)).map(rows -> {
      List<CalendarEvent> events = new ArrayList<>();
      // Both parts of SEQUENCE only grow: the session's own edits and this booking's changes to it.
      rows.forEach(row -> events.add(event(fair, row, "booking-" + bookingId + "-session-" + row.getLong("id")
              + "@parcours", row.getInteger("revision"), row.getOffsetDateTime("released_at") != null,
          row.getOffsetDateTime("modified_at"))));
      return events;
    });
  }

  private CalendarEvent event(FairHead fair, Row row, String uid, int extraSequence, boolean released,
                              OffsetDateTime modified) {
    String track = row.getString("track_name");
    return new CalendarEvent(uid, row.getString("title"),
        description(fair.language(), row.getString("description"), row.getString("association_name"),
            row.getString("trades"), track),
        row.getString("location"),
        row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("ends_at"),
        row.getInteger("sequence") + extraSequence,
        released || "cancelled".equals(row.getString("status")),
        modified,
        links.session(fair.slug(), row.getLong("id")),
        track);
  }

  private static String description(String language, String text, String association, String trades, String track) {
    List<String> lines = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      lines.add(text);
    }
    if (association != null) {
      lines.add(Catalogue.say(language, "ical_association", Map.of("name", association)));
    }
    if (trades != null && !trades.isBlank()) {
      lines.add(Catalogue.say(language, "ical_trades", Map.of("trades", trades)));
    }
    if (track != null) {
      lines.add(Catalogue.say(language, "ical_track", Map.of("name", track)));
    }
    return String.join("\n", lines);
  }

  private <T> Future<Optional<T>> one(String sql, Tuple args, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(args).map(rows -> Results.first(rows).map(mapper));
  }

  private static FairHead fairHead(Row row) {
    return new FairHead(row.getLong("id"), row.getString("slug"), row.getString("name"),
        ZoneId.of(row.getString("time_zone")), row.getBoolean("published"),
        row.getOffsetDateTime("changed_at").toInstant(), row.getString("language"));
  }

  private static Part part(Row row) {
    OffsetDateTime changed = row.getOffsetDateTime("changed_at");
    return new Part(row.getLong("id"), row.getLong("fair_id"), row.getString("name"),
        changed == null ? Instant.EPOCH : changed.toInstant());
  }
}
