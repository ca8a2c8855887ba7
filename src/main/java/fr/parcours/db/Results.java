package fr.parcours.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.Optional;

/** Reading query results the same way in every repository. */
public final class Results {

  private Results() {
  }

  /** The first row, or empty when the query matched none. */
  public static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
