package fr.parcours.auth;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for organisers and their login tokens. */
final class AuthRepository {

  /** An organiser with the hash their password is checked against. */
  record Credentials(Organiser organiser, String passwordHash) {
  }

  private final Pool pool;

  AuthRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Organiser> insertOrganiser(String email, String name, String passwordHash) {
    return pool.preparedQuery("INSERT INTO organisers (email, name, password_hash) VALUES ($1, $2, $3) "
            + "RETURNING id, email, name")
        .execute(Tuple.of(email, name, passwordHash))
        .map(rows -> organiser(rows.iterator().next()));
  }

  Future<Optional<Credentials>> findByEmail(String email) {
    return pool.preparedQuery("SELECT id, email, name, password_hash FROM organisers WHERE lower(email) = lower($1)")
        .execute(Tuple.of(email))
        .map(rows -> Results.first(rows).map(row -> new Credentials(organiser(row), row.getString("password_hash"))));
  }

  Future<Void> insertToken(byte[] tokenHash, long organiserId, OffsetDateTime expiresAt) {
    return pool.preparedQuery("INSERT INTO organiser_tokens (token_hash, organiser_id, expires_at) VALUES ($1, $2, $3)")
        .execute(Tuple.of(Buffer.buffer(tokenHash), organiserId, expiresAt))
        .mapEmpty();
  }

  Future<Optional<Organiser>> findByToken(byte[] tokenHash) {
    return pool.preparedQuery("SELECT o.id, o.email, o.name FROM organiser_tokens t "
            + "JOIN organisers o ON o.id = t.organiser_id WHERE t.token_hash = $1 AND t.expires_at > now()")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> Results.first(rows).map(AuthRepository::organiser));
  }

  Future<Void> deleteToken(byte[] tokenHash) {
    return pool.preparedQuery("DELETE FROM organiser_tokens WHERE token_hash = $1 OR expires_at < now()")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .mapEmpty();
  }

  private static Organiser organiser(Row row) {
    return new Organiser(row.getLong("id"), row.getString("email"), row.getString("name"));
  }
}
