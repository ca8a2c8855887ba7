package fr.parcours.mail;

import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxWorkerTest extends ServerTest {

  @Test
  void committedMessagesBecomeEmlFilesOnce() throws Exception {
    Message message = new Message("booking_confirmed", "prof@college.fr",
        "Inscription confirmée : 3e B", "Bonjour,\nvotre classe est inscrite à « S'orienter ».");
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)));
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)
        .compose(queued -> io.vertx.core.Future.failedFuture("rolled back"))).recover(e -> io.vertx.core.Future.succeededFuture()));

    List<Path> files = waitForMail("booking_confirmed", 1);
    MimeMessage parsed = parse(files.get(0));
    assertEquals("Inscription confirmée : 3e B", parsed.getSubject());
    assertEquals("prof@college.fr", parsed.getAllRecipients()[0].toString());
    assertNotNull(parsed.getSentDate());
    String body = (String) parsed.getContent();
    assertEquals(message.body(), body.replace("\r\n", "\n").strip());

    await(app.application().deliverMessages());
    assertEquals(1, mailFiles("booking_confirmed").size(), "a rolled-back message is never sent, a sent one never twice");
  }

  @Test
  void anUnparsableRecipientFailsForGoodWithoutHoldingBackTheQueue() throws Exception {
    Message invalid = new Message("booking_bumped", "not an address(@", "Changement", "Votre parcours change.");
    Message valid = new Message("booking_promoted", "prof@college.fr", "Place libérée", "Votre classe est inscrite.");
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, invalid).compose(queued -> Outbox.enqueue(conn, valid))));

    assertEquals(1, waitForMail("booking_promoted", 1).size());
    Row failed = waitForFailure(invalid.recipient());
    assertEquals(1, failed.getInteger("attempts"));
    assertTrue(failed.getString("last_error").contains("not an address"));

    await(app.application().deliverMessages());
    assertEquals(1, waitForFailure(invalid.recipient()).getInteger("attempts"), "never retried");
    assertEquals(List.of(), mailFiles("booking_bumped"));
  }

  /** The failure is recorded just after the attempt, maybe by the drain NOTIFY started: wait for it. */
  private Row waitForFailure(String recipient) {
    return Poll.until(Duration.ofSeconds(10), () -> {
      RowSet<Row> rows = await(app.pool().preparedQuery("SELECT attempts, last_error FROM outbox "
          + "WHERE recipient = $1 AND failed_at IS NOT NULL AND sent_at IS NULL").execute(Tuple.of(recipient)));
      if (rows.size() == 1) {
        return rows.iterator().next();
      }
      await(app.application().deliverMessages());
      return null;
    }, row -> row != null);
  }

  private List<Path> waitForMail(String kind, int expected) {
    return Poll.until(Duration.ofSeconds(10), () -> {
      await(app.application().deliverMessages());
      return mailFiles(kind);
    }, files -> files.size() >= expected);
  }

  /** This test class's server is shared by its tests: each counts the files of its own kind. */
  private List<Path> mailFiles(String kind) throws Exception {
    Path dir = app.config().dataDir().resolve("mail");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith("-" + kind + ".eml")).sorted().toList();
    }
  }

  private static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }
}
