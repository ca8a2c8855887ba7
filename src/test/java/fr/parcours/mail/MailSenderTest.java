package fr.parcours.mail;

import fr.parcours.config.AppConfig.MailConfig;
import fr.parcours.mail.MailSender.InvalidRecipientException;
import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the message's own fault, so the outbox stops retrying them. */
class MailSenderTest {

  private static final Message UNPARSABLE = new Message("booking_confirmed", "not an address(@", "Sujet", "Corps");

  @TempDir
  Path dataDir;

  @Test
  void anUnparsableRecipientIsTheMessagesOwnFault() {
    MailSender sender = new MailSender(config("Parcours <no-reply@parcours.local>"), dataDir);
    InvalidRecipientException error = assertThrows(InvalidRecipientException.class, () -> sender.send(1, UNPARSABLE));
    assertTrue(error.getCause() instanceof AddressException);
  }

  @Test
  void aMistypedSenderSettingIsNotBlamedOnTheMessage() {
    MailSender sender = new MailSender(config("no-reply@(parcours"), dataDir);
    Message valid = new Message("booking_confirmed", "prof@college.fr", "Sujet", "Corps");
    // A plain AddressException, not an InvalidRecipientException: retried once the setting is fixed.
    assertThrows(AddressException.class, () -> sender.send(1, valid));
  }

  private static MailConfig config(String from) {
    return new MailConfig("", 25, "", "", false, from, 5);
  }
}
