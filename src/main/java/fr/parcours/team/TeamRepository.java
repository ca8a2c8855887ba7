package fr.parcours.team;

import fr.parcours.db.Results;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** SQL for a fair's team: its members and the invitations of people without an account yet. */
final class TeamRepository {

  /** One person of the team, or invited to it (no name until they accept). */
  record Entry(String email, String name, FairRole role, OffsetDateTime expiresAt) {
  }

  /** What an invitation's link opens: the fair and the role offered to the address invited. */
  record Invitation(long fairId, String fairSlug, String fairName, String email, FairRole role) {
  }

  Future<List<Entry>> members(SqlClient client, long fairId) {
    return client.preparedQuery("SELECT o.email, o.name, m.role FROM fair_members m "
            + "JOIN organisers o ON o.id = m.organiser_id WHERE m.fair_id = $1 ORDER BY m.added_at, o.id")
        .execute(Tuple.of(fairId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
            .map(row -> new Entry(row.getString("email"), row.getString("name"), role(row), null)).toList());
  }

  Future<List<Entry>> invitations(SqlClient client, long fairId) {
    return client.preparedQuery("SELECT email, role, expires_at FROM fair_invitations "
            + "WHERE fair_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at, id")
        .execute(Tuple.of(fairId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
            .map(row -> new Entry(row.getString("email"), null, role(row), row.getOffsetDateTime("expires_at")))
            .toList());
  }

  Future<Optional<FairRole>> roleOf(SqlClient client, long fairId, long organiserId) {
    return client.preparedQuery("SELECT role FROM fair_members WHERE fair_id = $1 AND organiser_id = $2")
        .execute(Tuple.of(fairId, organiserId))
        .map(rows -> Results.first(rows).map(TeamRepository::role));
  }

  /** How many owners the fair keeps besides {@code organiserId}. */
  Future<Integer> otherOwners(SqlClient client, long fairId, long organiserId) {
    return client.preparedQuery("SELECT count(*) AS n FROM fair_members "
            + "WHERE fair_id = $1 AND role = 'owner' AND organiser_id <> $2")
        .execute(Tuple.of(fairId, organiserId))
        .map(rows -> rows.iterator().next().getInteger("n"));
  }

  Future<Void> putMember(SqlClient client, long fairId, long organiserId, FairRole role) {
    return client.preparedQuery("INSERT INTO fair_members (fair_id, organiser_id, role) VALUES ($1, $2, $3) "
            + "ON CONFLICT (fair_id, organiser_id) DO UPDATE SET role = EXCLUDED.role")
        .execute(Tuple.of(fairId, organiserId, role.json())).mapEmpty();
  }

  Future<Boolean> deleteMember(SqlClient client, long fairId, long organiserId) {
    return client.preparedQuery("DELETE FROM fair_members WHERE fair_id = $1 AND organiser_id = $2")
        .execute(Tuple.of(fairId, organiserId)).map(rows -> rows.rowCount() > 0);
  }

  /** A new invitation replaces a pending one for the same address (its old link stops working). */
  Future<Void> invite(SqlClient client, long fairId, String email, FairRole role, byte[] tokenHash,
                      OffsetDateTime expiresAt) {
    return deleteInvitation(client, fairId, email)
        .compose(deleted -> client.preparedQuery("INSERT INTO fair_invitations (fair_id, email, role, token_hash, "
                + "expires_at) VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(fairId, email, role.json(), Buffer.buffer(tokenHash), expiresAt)))
        .mapEmpty();
  }

  Future<Boolean> deleteInvitation(SqlClient client, long fairId, String email) {
    return client.preparedQuery("DELETE FROM fair_invitations WHERE fair_id = $1 AND lower(email) = lower($2) "
            + "AND accepted_at IS NULL")
        .execute(Tuple.of(fairId, email)).map(rows -> rows.rowCount() > 0);
  }

  /** The pending, unexpired invitation of that link. */
  Future<Optional<Invitation>> pending(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("SELECT i.fair_id, f.slug, f.name, i.email, i.role FROM fair_invitations i "
            + "JOIN fairs f ON f.id = i.fair_id WHERE i.token_hash = $1 AND i.accepted_at IS NULL "
            + "AND i.expires_at > now()")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> Results.first(rows).map(row -> new Invitation(row.getLong("fair_id"), row.getString("slug"), row.getString("name"),
            row.getString("email"), role(row))));
  }

  /** Marks the invitation used; false when another request used it first. */
  Future<Boolean> accept(SqlClient client, byte[] tokenHash) {
    return client.preparedQuery("UPDATE fair_invitations SET accepted_at = now() WHERE token_hash = $1 "
            + "AND accepted_at IS NULL AND expires_at > now()")
        .execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> rows.rowCount() > 0);
  }

  private static FairRole role(Row row) {
    return FairRole.of(row.getString("role")).orElseThrow();
  }
}
