package fr.parcours.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an SMTP host configured, queued messages go out over SMTP (to a real SMTP server here). */
@ExtendWith(VertxExtension.class)
class SmtpDeliveryTest {

  private static final int SMTP_PORT = TestApp.freePort();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Test
  void messagesAreSentToTheConfiguredServer(Vertx vertx) throws Exception {
    JsonObject mail = new JsonObject().put("smtp_host", "127.0.0.1").put("smtp_port", SMTP_PORT)
        .put("smtp_starttls", false).put("from", "Teen's Up <contact@teensup.example>");
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject().put("mail", mail))) {
      Message message = new Message("booking_promoted", "prof@college.example", "Bonne nouvelle : place libérée",
          "Votre classe quitte la liste d'attente.");
      await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)));
      await(app.application().deliverMessages());

      assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
      MimeMessage received = SMTP.getReceivedMessages()[0];
      assertEquals("Bonne nouvelle : place libérée", received.getSubject());
      assertEquals("prof@college.example", received.getAllRecipients()[0].toString());
      assertTrue(received.getFrom()[0].toString().contains("contact@teensup.example"));
      assertEquals(1L, sentCount(app), "marked sent once delivered");
    }
  }

  @Test
  void aBatchGoesOutOverOneConnectionEachMessageWhole(Vertx vertx) throws Exception {
    JsonObject mail = new JsonObject().put("smtp_host", "127.0.0.1").put("smtp_port", SMTP_PORT)
        .put("smtp_starttls", false);
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject().put("mail", mail))) {
      for (int i = 1; i <= 3; i++) {
        Message message = new Message("booking_confirmed", "prof" + i + "@college.example", "Inscription " + i, "Classe " + i);
        await(app.pool().withTransaction(conn -> Outbox.enqueue(conn, message)));
      }
      await(app.application().deliverMessages());

      assertTrue(SMTP.waitForIncomingEmail(10_000, 3));
      List<String> received = new ArrayList<>();
      for (MimeMessage each : SMTP.getReceivedMessages()) {
        received.add(each.getAllRecipients()[0] + " " + each.getSubject());
      }
      assertEquals(List.of("prof1@college.example Inscription 1", "prof2@college.example Inscription 2",
          "prof3@college.example Inscription 3"), received.stream().sorted().toList());
      assertEquals(3L, Poll.until(Duration.ofSeconds(10), () -> await(app.pool().query("SELECT count(*) FROM outbox "
          + "WHERE sent_at IS NOT NULL").execute()).iterator().next().getLong(0), sent -> sent == 3));
    }
  }

  @Test
  void anUnreachableServerIsRetriedLaterWithBackOff(Vertx vertx) throws Exception {
    JsonObject mail = new JsonObject().put("smtp_host", "127.0.0.1").put("smtp_port", TestApp.freePort())
        .put("smtp_starttls", false);
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject().put("mail", mail))) {
      await(app.pool().withTransaction(conn -> Outbox.enqueue(conn,
          new Message("booking_confirmed", "prof@college.example", "Inscription", "Bonjour"))));
      await(app.application().deliverMessages());

      Row row = waitForAttempt(app);
      assertNull(row.getValue("sent_at"));
      assertNull(row.getValue("failed_at"), "a refused connection is transient, never final");
      assertNotNull(row.getString("last_error"));
      assertTrue(row.getLong("delay") > 0 && row.getLong("delay") <= 30, "retried later, first after 30 s");
    }
  }

  /** The NOTIFY may have started a drain that our call skipped: wait for its attempt's outcome to be recorded. */
  private static Row waitForAttempt(TestApp app) {
    return Poll.until(Duration.ofSeconds(10), () -> await(app.pool().query("SELECT sent_at, failed_at, last_error, "
            + "attempts, extract(epoch FROM next_attempt_at - now())::bigint AS delay FROM outbox").execute())
        .iterator().next(), row -> row.getInteger("attempts") > 0 && row.getString("last_error") != null);
  }

  /** Delivery is marked in the database just after the server accepted it: wait for that commit. */
  private static long sentCount(TestApp app) {
    return Poll.until(Duration.ofSeconds(10), () -> await(app.pool().query("SELECT count(*) FROM outbox "
        + "WHERE sent_at IS NOT NULL").execute()).iterator().next().getLong(0), sent -> sent > 0);
  }
}
