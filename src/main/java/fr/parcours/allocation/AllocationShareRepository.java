package fr.parcours.allocation;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** All the SQL of a fair's allocation shares. Methods take the client so the service decides the transaction. */
public final class AllocationShareRepository {

  /** The fair's shares in the order they were saved (the allocator orders its phases itself). */
  public Future<List<Share>> shares(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT kind, level, percent FROM allocation_shares WHERE fair_id = $1 ORDER BY id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<Share> shares = new ArrayList<>();
          rows.forEach(row -> shares.add(new Share(Share.Kind.of(row.getString("kind")).orElseThrow(),
              row.getString("level"), row.getInteger("percent"))));
          return shares;
        });
  }

  /** Replaces the fair's shares by {@code shares}. */
  public Future<Void> replace(SqlClient db, long fairId, List<Share> shares) {
    Future<?> deleted = db.preparedQuery("DELETE FROM allocation_shares WHERE fair_id = $1").execute(Tuple.of(fairId));
    if (shares.isEmpty()) {
      return deleted.mapEmpty();
    }
    List<Tuple> rows = shares.stream()
        .map(share -> Tuple.of(fairId, share.kind().code(), share.level(), share.percent())).toList();
    return deleted.compose(done -> db.preparedQuery(
            "INSERT INTO allocation_shares (fair_id, kind, level, percent) VALUES ($1, $2, $3, $4)")
        .executeBatch(rows)).mapEmpty();
  }
}
