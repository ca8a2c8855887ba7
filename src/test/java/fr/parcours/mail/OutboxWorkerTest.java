package fr.parcours.mail;

import fr.parcours.support.ServerTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class OutboxWorkerTest extends ServerTest {

  @Test
  void committedMessagesBecomeEmlFilesOnce() throws Exception {
    Message message = new Message("booking_confirmed", "prof@college.fr",
        "Inscription confirmée : 3e B", "Bonjour,\nvotre classe est inscrite à « S'orienter ».");
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)));
    await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)
        .compose(queued -> io.vertx.core.Future.failedFuture("rolled back"))).recover(e -> io.vertx.core.Future.succeededFuture()));

    List<Path> files = waitForMail(1);
    MimeMessage parsed = parse(files.get(0));
    assertEquals("Inscription confirmée : 3e B", parsed.getSubject());
    assertEquals("prof@college.fr", parsed.getAllRecipients()[0].toString());
    assertNotNull(parsed.getSentDate());
    String body = (String) parsed.getContent();
    assertEquals(message.body(), body.replace("\r\n", "\n").strip());

    await(app.application().deliverMessages());
    assertEquals(1, mailFiles().size(), "a rolled-back message is never sent, a sent one never twice");
  }

  private List<Path> waitForMail(int expected) throws Exception {
    for (int i = 0; i < 100; i++) {
      await(app.application().deliverMessages());
      List<Path> files = mailFiles();
      if (files.size() >= expected) {
        return files;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no .eml file written");
  }

  private List<Path> mailFiles() throws Exception {
    Path dir = app.config().dataDir().resolve("mail");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }
}
