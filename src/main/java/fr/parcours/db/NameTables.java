package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Tables of names that Java defines (the session kinds…): one {@code name} column that foreign
 * keys reference, filled from the code at start so the code stays the one list.
 */
public final class NameTables {

  private NameTables() {
  }

  /** Adds the names {@code table} lacks; instances starting together may both run it. */
  public static Future<Void> fill(SqlClient client, String table, List<String> names) {
    return client.preparedQuery("INSERT INTO " + table + " (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(names.toArray(String[]::new))).mapEmpty();
  }
}
