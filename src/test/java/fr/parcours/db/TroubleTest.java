package fr.parcours.db;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TroubleTest {

  @Test
  void everyWayTheDatabaseGoesAwayIsAnOutage() {
    // Which of these a request meets depends on when the database went: before, during or after its write.
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(new ConnectException("Connection refused")));
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(new SocketException("Connection reset")));
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(ClosedConnectionException.INSTANCE));
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(new RuntimeException(new SocketException("Broken pipe"))));
    // An instance stopping, its requests in flight past the grace.
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(new VertxException("Pool closed")));
    assertEquals(Optional.of(Trouble.UNAVAILABLE),
        Trouble.of(new VertxException("Connection is not active now, current status: CLOSING")));
  }

  @Test
  void bothWordingsOfThePoolsAcquireTimeoutAreAnExhaustedPool() {
    // A query on the pool, then getConnection or withTransaction (Completable.fail(String)).
    assertEquals(Optional.of(Trouble.POOL_EXHAUSTED), Trouble.of(new VertxException("Timeout waiting for connection")));
    assertEquals(Optional.of(Trouble.POOL_EXHAUSTED), Trouble.of(new VertxException("Timeout", true)));
    assertEquals(Optional.of(Trouble.POOL_EXHAUSTED), Trouble.of(new ConnectionPoolTooBusyException("full")));
    // A connection that could not be opened in time: the socket's own timeout.
    assertEquals(Optional.of(Trouble.UNAVAILABLE), Trouble.of(new ConnectTimeoutException("connection timed out")));
  }

  @Test
  void aBugIsNoTrouble() {
    assertEquals(Optional.empty(), Trouble.of(new IllegalStateException("a bug")));
    assertEquals(Optional.empty(), Trouble.of(new IllegalStateException("Timeout")), "not Vert.x's");
    assertEquals(Optional.empty(), Trouble.of(new VertxException((String) null)));
  }
}
