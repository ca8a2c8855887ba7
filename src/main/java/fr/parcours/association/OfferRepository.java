package fr.parcours.association;

import fr.parcours.fair.Interval;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** SQL for offers and their availability windows. */
final class OfferRepository {

  private static final String SELECT = "SELECT o.*, t.slug AS theme, a.slug AS association_slug, "
      + "a.name AS association_name, a.contact_email, a.language, "
      + "coalesce((SELECT array_agg(w.starts_at ORDER BY w.starts_at) FROM offer_availability w "
      + "WHERE w.offer_id = o.id), '{}') AS window_starts, "
      + "coalesce((SELECT array_agg(w.ends_at ORDER BY w.starts_at) FROM offer_availability w "
      + "WHERE w.offer_id = o.id), '{}') AS window_ends "
      + "FROM offers o JOIN tracks t ON t.id = o.track_id JOIN associations a ON a.id = o.association_id ";

  Future<Long> insert(SqlClient client, long fairId, long associationId, long trackId, OfferDraft d) {
    return client.preparedQuery("INSERT INTO offers (fair_id, association_id, track_id, kind, title, description, "
            + "audience, duration_minutes, people, trades, needs_power, needs_tables, needs_screen) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id")
        .execute(draftTuple(Tuple.of(fairId, associationId, trackId), d))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> update(SqlClient client, long id, long trackId, OfferDraft d, OfferStatus status) {
    return client.preparedQuery("UPDATE offers SET kind = $4, title = $5, description = $6, audience = $7, "
            + "duration_minutes = $8, people = $9, trades = $10, needs_power = $11, needs_tables = $12, "
            + "needs_screen = $13, track_id = $3, status = $2, updated_at = now() WHERE id = $1")
        .execute(draftTuple(Tuple.of(id, status.json(), trackId), d))
        .mapEmpty();
  }

  Future<Void> replaceAvailability(SqlClient client, long id, List<Interval> windows) {
    OffsetDateTime[] starts = windows.stream().map(Interval::start).toArray(OffsetDateTime[]::new);
    OffsetDateTime[] ends = windows.stream().map(Interval::end).toArray(OffsetDateTime[]::new);
    return client.preparedQuery("DELETE FROM offer_availability WHERE offer_id = $1").execute(Tuple.of(id))
        .compose(deleted -> client.preparedQuery("INSERT INTO offer_availability (offer_id, starts_at, ends_at) "
                + "SELECT $1, s, e FROM unnest($2::timestamptz[], $3::timestamptz[]) AS w(s, e)")
            .execute(Tuple.of(id).addArrayOfOffsetDateTime(starts).addArrayOfOffsetDateTime(ends)))
        .mapEmpty();
  }

  Future<Void> review(SqlClient client, long id, OfferStatus status, String message) {
    return client.preparedQuery("UPDATE offers SET status = $2, review_message = $3, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, status.json(), message))
        .mapEmpty();
  }

  Future<Void> linkSession(SqlClient client, long id, Long sessionId) {
    return client.preparedQuery("UPDATE offers SET session_id = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, sessionId))
        .mapEmpty();
  }

  /**
   * Locks the fair's offer (only the association's own when {@code associationId} is set) until
   * the transaction ends, and reads it; empty when there is none, so others' offers are not found.
   */
  Future<Optional<Offer>> lock(SqlClient client, long fairId, long id, Long associationId) {
    return client.preparedQuery("SELECT id FROM offers WHERE id = $1 AND fair_id = $2 "
            + "AND ($3::bigint IS NULL OR association_id = $3) FOR UPDATE")
        .execute(Tuple.of(id, fairId, associationId))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.empty()) : find(client, id));
  }

  Future<Optional<Offer>> find(SqlClient client, long id) {
    return list(client, SELECT + "WHERE o.id = $1", Tuple.of(id)).map(offers -> offers.stream().findFirst());
  }

  /** The fair's offers, or one association's, or those in one status; oldest first. */
  Future<List<Offer>> list(SqlClient client, long fairId, Long associationId, OfferStatus status) {
    return list(client, SELECT + "WHERE o.fair_id = $1 AND ($2::bigint IS NULL OR o.association_id = $2) "
        + "AND ($3::text IS NULL OR o.status = $3) ORDER BY o.id",
        Tuple.of(fairId, associationId, status == null ? null : status.json()));
  }

  private static Future<List<Offer>> list(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql).execute(params)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(OfferRepository::offer).toList());
  }

  private static Tuple draftTuple(Tuple head, OfferDraft d) {
    return head.addString(d.kind().json()).addString(d.title()).addString(d.description()).addString(d.audience())
        .addInteger(d.durationMinutes()).addInteger(d.people()).addArrayOfString(d.trades().toArray(String[]::new))
        .addBoolean(d.needs().power()).addInteger(d.needs().tables()).addBoolean(d.needs().screen());
  }

  private static Offer offer(Row row) {
    OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("window_starts");
    OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("window_ends");
    List<Interval> windows = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      windows.add(new Interval(starts[i], ends[i]));
    }
    OfferDraft draft = new OfferDraft(OfferKind.ofJson(row.getString("kind")), row.getString("theme"), row.getString("title"),
        row.getString("description"), row.getString("audience"), row.getInteger("duration_minutes"),
        row.getInteger("people"), windows, Arrays.asList(row.getArrayOfStrings("trades")),
        new OfferDraft.Needs(row.getBoolean("needs_power"), row.getInteger("needs_tables"),
            row.getBoolean("needs_screen")));
    return new Offer(row.getLong("id"), row.getLong("association_id"), row.getString("association_slug"),
        row.getString("association_name"), row.getString("contact_email"), row.getString("language"), row.getLong("track_id"), draft,
        OfferStatus.ofJson(row.getString("status")), row.getString("review_message"), row.getLong("session_id"));
  }
}
