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
import java.util.ArrayList;
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

  @Test
  void aMessageWhoseSendingWasNeverRecordedGoesAgainWithTheSameMessageIdAndSaysSo() throws Exception {
    Message message = new Message("booking_cancelled", "prof@college.fr", "Annulation", "Votre inscription est annulée.");
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)));
    Path first = waitForMail("booking_cancelled", 1).get(0);
    String messageId = parse(first).getMessageID();
    Row sent = await(app.pool().query("SELECT id, attempts, repeats FROM outbox WHERE kind = 'booking_cancelled'")
        .execute()).iterator().next();
    assertEquals("<outbox-" + sent.getLong("id") + "-", messageId.substring(0, messageId.indexOf('-', 8) + 1));
    assertTrue(messageId.endsWith("@parcours.local>"), messageId);
    assertEquals(1, sent.getInteger("attempts"));
    assertEquals(0, sent.getInteger("repeats"));

    // As an instance leaves it when killed (or cut from the database) after sending, before recording
    // the outcome: claimed, not sent; its lease then runs out.
    await(app.pool().preparedQuery("UPDATE outbox SET sent_at = NULL, claimed_at = now() - interval '5 minutes', "
        + "next_attempt_at = now() WHERE id = $1").execute(Tuple.of(sent.getLong("id"))));
    Files.delete(first);
    Path again = waitForMail("booking_cancelled", 1).get(0);
    assertEquals(first, again, "the same file name: a repeat replaces its file");
    assertEquals(messageId, parse(again).getMessageID(), "a stable Message-ID lets mail clients fold the repeat");
    Row repeated = await(app.pool().query("SELECT attempts, repeats, sent_at, claimed_at FROM outbox "
        + "WHERE kind = 'booking_cancelled'").execute()).iterator().next();
    assertEquals(2, repeated.getInteger("attempts"));
    assertEquals(1, repeated.getInteger("repeats"), "the repeat is visible in the row");
    assertNotNull(repeated.getValue("sent_at"));
    assertEquals(null, repeated.getValue("claimed_at"));
  }

  @Test
  void claimsABatchLeftNoTimeForAreHandedBackAsTheyWere() throws Exception {
    OutboxRepository repository = new OutboxRepository();
    // One transaction, so that no worker takes the messages between these steps.
    List<String> states = await(app.pool().withTransaction(conn -> Outbox.enqueue(conn,
            new Message("booking_reminder", "prof@college.fr", "Rappel", "À demain."))
        .compose(queued -> Outbox.enqueue(conn, new Message("booking_reminder", "cpe@college.fr", "Rappel", "À demain.")))
        // The second was claimed once before by an instance that never recorded its outcome.
        .compose(queued -> conn.query("UPDATE outbox SET attempts = 1, claimed_at = now() - interval '5 minutes' "
            + "WHERE recipient = 'cpe@college.fr' AND kind = 'booking_reminder'").execute())
        .compose(updated -> repository.claimDue(conn, Duration.ofMinutes(2), 32))
        .compose(claimed -> repository.release(conn, claimed.stream()
            .filter(pending -> pending.message().kind().equals("booking_reminder")).toList()))
        .compose(released -> conn.query("SELECT recipient, attempts, repeats, claimed_at IS NOT NULL AS claimed, "
            + "next_attempt_at <= now() AS due FROM outbox WHERE kind = 'booking_reminder' ORDER BY id").execute())
        .map(rows -> {
          List<String> found = new ArrayList<>();
          rows.forEach(row -> found.add(row.getString("recipient") + " " + row.getInteger("attempts") + " "
              + row.getInteger("repeats") + " " + row.getBoolean("claimed") + " " + row.getBoolean("due")));
          return found;
        })));
    assertEquals(List.of("prof@college.fr 0 0 false true", "cpe@college.fr 1 0 true true"), states,
        "as before the claim: a first attempt unclaimed, a repeat still known as one, both due at once");
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
