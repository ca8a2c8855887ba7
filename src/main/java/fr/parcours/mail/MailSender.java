package fr.parcours.mail;

import fr.parcours.config.AppConfig.MailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Properties;

/**
 * Delivers one message, blocking: by SMTP when a host is configured, otherwise as an RFC 5322
 * {@code .eml} file under {@code data/mail/} (openable in any mail client), so a demo shows them.
 */
final class MailSender {

  /**
   * The message's own recipient is not an address: every attempt would fail the same way. Kept
   * apart from other address errors, so a mistyped sender in the settings fails as a transient
   * error (retried once the setting is fixed) rather than condemning every message.
   */
  static final class InvalidRecipientException extends MessagingException {
    InvalidRecipientException(String recipient, AddressException cause) {
      super("Recipient '" + recipient + "' is not an address: " + cause.getMessage(), cause);
    }
  }

  private final MailConfig config;
  private final Path mailDir;
  private final Session session;

  MailSender(MailConfig config, Path dataDir) {
    this.config = config;
    this.mailDir = dataDir.resolve("mail");
    this.session = Session.getInstance(smtpProperties(config));
  }

  /** Sends; {@code id} makes a re-delivery after a crash overwrite its own file, not add one. */
  void send(long id, Message message) throws MessagingException, IOException {
    MimeMessage mime = mime(message);
    if (config.smtpEnabled()) {
      Transport.send(mime, blankToNull(config.username()), blankToNull(config.password()));
    } else {
      writeFile(id, message.kind(), mime);
    }
  }

  private MimeMessage mime(Message message) throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(new InternetAddress(config.from()));
    mime.setRecipients(jakarta.mail.Message.RecipientType.TO, recipients(message.recipient()));
    mime.setSubject(message.subject(), "UTF-8");
    mime.setText(message.body(), "UTF-8");
    mime.setSentDate(new Date());
    mime.saveChanges();
    return mime;
  }

  private static InternetAddress[] recipients(String recipient) throws InvalidRecipientException {
    try {
      return InternetAddress.parse(recipient);
    } catch (AddressException e) {
      throw new InvalidRecipientException(recipient, e);
    }
  }

  private void writeFile(long id, String kind, MimeMessage mime) throws IOException, MessagingException {
    Files.createDirectories(mailDir);
    Path target = mailDir.resolve(String.format("%08d-%s.eml", id, kind));
    Path partial = mailDir.resolve(target.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(partial)) {
      mime.writeTo(out);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Properties smtpProperties(MailConfig config) {
    Properties props = new Properties();
    props.put("mail.smtp.host", config.smtpHost());
    props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
    props.put("mail.smtp.auth", String.valueOf(!config.username().isBlank()));
    props.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    return props;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
