package fr.parcours.association;

import fr.parcours.db.Results;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Slugs;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for associations' own registration, their sign-in links and the sessions those open. */
final class AssociationRepository {

  /** Whether a link still opens a session, or was never issued, already used, or expired (or retired by a newer one). */
  enum LinkState { VALID, UNKNOWN, USED, EXPIRED }

  private static final String SELECT = "SELECT a.id, a.fair_id, f.slug AS fair_slug, a.slug, a.name, a.contact_email "
      + "FROM associations a JOIN fairs f ON f.id = a.fair_id ";

  /** The id of the fair's track a theme names, or a 422 naming the field "theme". */
  Future<Long> themeTrack(SqlClient client, long fairId, String theme) {
    return client.preparedQuery("SELECT id FROM tracks WHERE fair_id = $1 AND slug = $2")
        .execute(Tuple.of(fairId, theme))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")).orElseThrow(() -> AppException.unprocessable(
            "UNKNOWN_REFERENCE", "theme", Map.of())));
  }

  Future<SignedInAssociation> insert(SqlClient client, long fairId, long trackId, Registration r, String language) {
    return client.preparedQuery("INSERT INTO associations (fair_id, slug, name, track_id, description, website, "
            + "contact_email, contact_name, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
        .execute(Tuple.tuple().addLong(fairId).addString(Slugs.slugify(r.name())).addString(r.name())
            .addLong(trackId).addString(r.description()).addString(r.website()).addString(r.contactEmail())
            .addString(r.contactName()).addString(language))
        .compose(rows -> findById(client, rows.iterator().next().getLong("id")))
        .map(Optional::orElseThrow);
  }

  /**
   * Uses a copied edition's one-click link once: the association's profile of last edition
   * (name, theme by slug, description, website, contact) becomes one in the new fair; empty when
   * the link is unknown or used.
   */
  Future<Optional<Long>> rejoin(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("WITH used AS (UPDATE association_rejoin_links SET used_at = now() "
            + "WHERE token_hash = $1 AND used_at IS NULL RETURNING association_id, fair_id) "
            + "INSERT INTO associations (fair_id, slug, name, track_id, description, website, contact_email, "
            + "contact_name, language) SELECT u.fair_id, a.slug, a.name, nt.id, a.description, a.website, a.contact_email, "
            + "a.contact_name, a.language FROM used u JOIN associations a ON a.id = u.association_id "
            + "LEFT JOIN tracks ot ON ot.id = a.track_id LEFT JOIN tracks nt ON nt.fair_id = u.fair_id "
            + "AND nt.slug = ot.slug RETURNING id")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> Results.first(rows).map(row -> row.getLong("id")));
  }

  Future<Optional<SignedInAssociation>> findById(SqlClient client, long id) {
    return one(client, SELECT + "WHERE a.id = $1", Tuple.of(id));
  }

  Future<Optional<SignedInAssociation>> findBySlug(SqlClient client, long fairId, String slug) {
    return one(client, SELECT + "WHERE a.fair_id = $1 AND a.slug = $2", Tuple.of(fairId, slug));
  }

  Future<Optional<SignedInAssociation>> findByEmail(SqlClient client, long fairId, String email) {
    return one(client, SELECT + "WHERE a.fair_id = $1 AND a.contact_email <> '' AND lower(a.contact_email) = lower($2)",
        Tuple.of(fairId, email));
  }

  Future<Optional<SignedInAssociation>> findByToken(SqlClient client, byte[] tokenHash) {
    return one(client, SELECT + "JOIN association_tokens t ON t.association_id = a.id "
        + "WHERE t.token_hash = $1 AND t.expires_at > now()", Tuple.of(Buffer.buffer(tokenHash)));
  }

  Future<Void> insertLink(SqlClient client, byte[] tokenHash, long associationId, OffsetDateTime expiresAt) {
    return client.preparedQuery("INSERT INTO association_sign_in_links (token_hash, association_id, expires_at) "
            + "VALUES ($1, $2, $3)")
        .execute(Tuple.of(Buffer.buffer(tokenHash), associationId, expiresAt))
        .mapEmpty();
  }

  /** Marks a valid link used and answers its association; a concurrent redeemer waits for the row, then finds it used. */
  Future<Optional<Long>> useLink(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("UPDATE association_sign_in_links SET used_at = now() "
            + "WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING association_id")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> Results.first(rows).map(row -> row.getLong("association_id")));
  }

  Future<LinkState> linkState(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("SELECT used_at IS NOT NULL AS used, expires_at > now() AS live "
            + "FROM association_sign_in_links WHERE token_hash = $1")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> Results.first(rows)
            .map(row -> row.getBoolean("used") ? LinkState.USED : row.getBoolean("live") ? LinkState.VALID : LinkState.EXPIRED)
            .orElse(LinkState.UNKNOWN));
  }

  /** Ends the association's links still unused: they read as expired from now on. */
  Future<Void> retireLinks(SqlClient client, long associationId) {
    return client.preparedQuery("UPDATE association_sign_in_links SET expires_at = now() "
            + "WHERE association_id = $1 AND used_at IS NULL AND expires_at > now()")
        .execute(Tuple.of(associationId))
        .mapEmpty();
  }

  Future<Optional<SignedInAssociation>> linkOwner(SqlClient client, byte[] tokenHash) {
    return one(client, SELECT + "JOIN association_sign_in_links l ON l.association_id = a.id WHERE l.token_hash = $1",
        Tuple.of(Buffer.buffer(tokenHash)));
  }

  /** Whether the fair has an association of that name (any case) or of the slug it makes. */
  Future<Boolean> nameTaken(SqlClient client, long fairId, String name) {
    return client.preparedQuery("SELECT EXISTS (SELECT 1 FROM associations WHERE fair_id = $1 "
            + "AND (lower(name) = lower($2) OR slug = $3)) AS taken")
        .execute(Tuple.of(fairId, name, Slugs.slugify(name)))
        .map(rows -> rows.iterator().next().getBoolean("taken"));
  }

  Future<Void> insertToken(SqlClient client, byte[] tokenHash, long associationId, OffsetDateTime expiresAt) {
    return client.preparedQuery("INSERT INTO association_tokens (token_hash, association_id, expires_at) "
            + "VALUES ($1, $2, $3)")
        .execute(Tuple.of(Buffer.buffer(tokenHash), associationId, expiresAt))
        .mapEmpty();
  }

  Future<Void> deleteToken(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("DELETE FROM association_tokens WHERE token_hash = $1")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .mapEmpty();
  }

  private static Future<Optional<SignedInAssociation>> one(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql).execute(params).map(rows -> Results.first(rows).map(AssociationRepository::of));
  }

  private static SignedInAssociation of(Row row) {
    return new SignedInAssociation(row.getLong("id"), row.getLong("fair_id"), row.getString("fair_slug"),
        row.getString("slug"), row.getString("name"), row.getString("contact_email"), false);
  }
}
