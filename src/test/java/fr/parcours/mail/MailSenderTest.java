package fr.parcours.mail;

import fr.parcours.config.AppConfig.MailConfig;
import fr.parcours.mail.MailSender.InvalidRecipientException;
import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the message's own fault, so the outbox stops retrying them. */
class MailSenderTest {

  private static final Message UNPARSABLE = new Message("booking_confirmed", "not an address(@", "Sujet", "Corps");

  private static final OffsetDateTime QUEUED = OffsetDateTime.parse("2027-01-14T09:00:00+01:00");

  @TempDir
  Path dataDir;

  @Test
  void anUnparsableRecipientIsTheMessagesOwnFault() {
    MailSender sender = new MailSender(config("Parcours <no-reply@parcours.local>"), dataDir);
    InvalidRecipientException error = assertThrows(InvalidRecipientException.class,
        () -> sender.open().send(1, QUEUED, UNPARSABLE));
    assertTrue(error.getCause() instanceof AddressException);
  }

  @Test
  void aMistypedSenderSettingIsNotBlamedOnTheMessage() {
    MailSender sender = new MailSender(config("no-reply@(parcours"), dataDir);
    Message valid = new Message("booking_confirmed", "prof@college.fr", "Sujet", "Corps");
    // A plain AddressException, not an InvalidRecipientException: retried once the setting is fixed.
    assertThrows(AddressException.class, () -> sender.open().send(1, QUEUED, valid));
  }

  @Test
  void halfWrittenFilesAKilledInstanceLeftAreRemovedButNotOneBeingWritten() throws Exception {
    Path mail = Files.createDirectories(dataDir.resolve("mail"));
    Path stale = Files.writeString(mail.resolve("00000007-booking_confirmed.eml.part"), "From: half");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(60)));
    Path writing = Files.writeString(mail.resolve("00000008-booking_confirmed.eml.part"), "From: now");
    Path written = Files.writeString(mail.resolve("00000006-booking_confirmed.eml"), "From: whole");
    Files.setLastModifiedTime(written, FileTime.from(Instant.now().minusSeconds(60)));

    new MailSender(config("Parcours <no-reply@parcours.local>"), dataDir).removePartialFiles();

    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(writing));
    assertTrue(Files.exists(written));
  }

  @Test
  void aLinkStaysOnOneLineOfTheWrittenMessageWhateverItsLength() throws Exception {
    String link = "http://parcours.example.org/associations/sign-in/" + "a".repeat(43) + "_Zz-09";
    Message message = new Message("association_sign_in", "camille@example.org", "Votre lien — Salon",
        "Bonjour, ouvrez ce lien « d'accès » :\n" + link + "\n");
    written(3, message);
    String written = Files.readString(dataDir.resolve("mail/00000003-association_sign_in.eml"));
    assertTrue(written.contains("Content-Transfer-Encoding: 8bit"), written);
    assertTrue(written.lines().anyMatch(link::equals), written);
  }

  @Test
  void aBodyWithALineLongerThanSmtpAllowsIsBase64() throws Exception {
    Message message = new Message("offer_accept", "camille@example.org", "Sujet", "é".repeat(600) + "\nfin\n");
    written(4, message);
    String written = Files.readString(dataDir.resolve("mail/00000004-offer_accept.eml"));
    assertTrue(written.contains("Content-Transfer-Encoding: base64"), written);
  }

  @Test
  void aFileIsOnlyPartialUntilItsBatchIsFinished() throws Exception {
    Message message = new Message("booking_confirmed", "camille@example.org", "Sujet", "Corps\n");
    try (MailSender.Outgoing out = new MailSender(config("Parcours <no-reply@parcours.local>"), dataDir).open()) {
      out.send(5, QUEUED, message);
      out.send(6, QUEUED, message);
      assertFalse(Files.exists(dataDir.resolve("mail/00000005-booking_confirmed.eml")));
      assertTrue(Files.exists(dataDir.resolve("mail/00000005-booking_confirmed.eml.part")));

      assertTrue(out.finish().isEmpty());
    }
    for (String name : List.of("00000005-booking_confirmed.eml", "00000006-booking_confirmed.eml")) {
      assertTrue(Files.readString(dataDir.resolve("mail").resolve(name)).contains("Corps"), name);
      assertFalse(Files.exists(dataDir.resolve("mail").resolve(name + ".part")), name);
    }
  }

  /** Message {@code id} written as a batch of one, finished. */
  private void written(long id, Message message) throws Exception {
    try (MailSender.Outgoing out = new MailSender(config("Parcours <no-reply@parcours.local>"), dataDir).open()) {
      out.send(id, QUEUED, message);
      assertTrue(out.finish().isEmpty());
    }
  }

  private static MailConfig config(String from) {
    return new MailConfig("", 25, "", "", false, from, 5, 120);
  }
}
