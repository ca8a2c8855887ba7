package fr.parcours.db;

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
  }

  @Test
  void aBugIsNoTrouble() {
    assertEquals(Optional.empty(), Trouble.of(new IllegalStateException("a bug")));
  }
}
