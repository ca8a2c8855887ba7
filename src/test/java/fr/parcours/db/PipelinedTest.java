package fr.parcours.db;

import fr.parcours.support.ServerTest;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PipelinedTest extends ServerTest {

  @BeforeEach
  void table() {
    await(pool().query("DROP TABLE IF EXISTS pipelined; CREATE TABLE pipelined (v int CHECK (v > 0))").execute());
  }

  @Test
  void writesAfterTheReadAreCommittedTogether() {
    int written = await(Pipelined.transaction(pool(), conn -> count(conn), (conn, before) -> Future.all(insert(conn, before + 1),
        insert(conn, before + 2)).map(done -> before + 2)));
    assertEquals(2, written);
    assertEquals(2, await(count(pool())));
    assertNoTransactionLeftOpen();
  }

  @Test
  void aFailingWriteRollsBackTheOthersAndIsTheAnswer() {
    Throwable failure = assertThrows(Throwable.class, () -> await(Pipelined.transaction(pool(), conn -> count(conn),
        (conn, before) -> Future.all(insert(conn, 1), insert(conn, -1), insert(conn, 2)))));
    assertEquals("23514", assertInstanceOf(PgException.class, failure).getSqlState(), "the CHECK, not the aborted ones after it");
    assertEquals(0, await(count(pool())));
    assertNoTransactionLeftOpen();
  }

  @Test
  void aWriteThatThrowsAfterSendingIsRolledBack() {
    assertThrows(IllegalStateException.class, () -> await(Pipelined.transaction(pool(), conn -> count(conn),
        (conn, before) -> {
          insert(conn, 1);
          throw new IllegalStateException("a bug half way");
        })));
    assertEquals(0, await(count(pool())));
    assertNoTransactionLeftOpen();
  }

  @Test
  void aFailingReadWritesNothing() {
    assertThrows(PgException.class, () -> await(Pipelined.transaction(pool(),
        conn -> conn.query("SELECT 1 / 0").execute(), (conn, read) -> insert(conn, 1))));
    assertEquals(0, await(count(pool())));
    assertNoTransactionLeftOpen();
  }

  /** Every connection went back to the pool outside any transaction. */
  private void assertNoTransactionLeftOpen() {
    long open = await(pool().query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        + "AND state LIKE 'idle in transaction%'").execute()).iterator().next().getLong(0);
    assertEquals(0, open);
  }

  private static Future<Integer> count(SqlClient db) {
    return db.query("SELECT count(*)::int FROM pipelined").execute().map(rows -> rows.iterator().next().getInteger(0));
  }

  private static Future<Void> insert(SqlConnection conn, int value) {
    return conn.query("INSERT INTO pipelined VALUES (" + value + ")").execute().mapEmpty();
  }

  private static Pool pool() {
    return app.pool();
  }
}
