package fr.parcours.mail;

import fr.parcours.config.AppConfig.MailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail looks its stream provider up for every header and body it encodes; unnamed, that
    // is a ServiceLoader scan of the class path each time (a third of a message's CPU in the rush).
    // Named, it is one class instantiated.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private static final String PARTIAL = ".part";
  /** RFC 5322's longest line, CRLF excluded. */
  private static final int MAX_LINE_OCTETS = 998;
  private static final Duration PARTIAL_AGE = Duration.ofSeconds(10);

  private final MailConfig config;
  private final Path mailDir;
  private final Session session;

  MailSender(MailConfig config, Path dataDir) {
    this.config = config;
    this.mailDir = dataDir.resolve("mail");
    this.session = Session.getInstance(smtpProperties(config));
  }

  /**
   * Where a batch's messages go: over one SMTP connection, opened for the first and closed with
   * the batch (a connection per message was a TCP, and with STARTTLS a TLS, handshake for every
   * booking's mail), or as files. A connection that breaks is opened again for the next message.
   * Files are written as each message is sent and made durable together by {@link #finish()}: an
   * fsync, an open and a rename per message, a directory created and synced once a batch.
   */
  final class Outgoing implements AutoCloseable {

    /** A message's file, written as {@code partial} and still open: its name once durable is {@code target}. */
    private record Written(long id, FileOutputStream file, Path partial, Path target) {
    }

    private Transport transport;
    private final List<Written> written = new ArrayList<>();

    private Outgoing() {
    }

    /**
     * Sends outbox message {@code id}, queued at {@code queuedAt}. Both make its Message-ID, the
     * same on every attempt and every instance, so a mail client folds a repeat into one; {@code
     * id} also makes a re-delivery overwrite its own file rather than add one. A file is only
     * sent once {@link #finish()} says so.
     */
    void send(long id, OffsetDateTime queuedAt, Message message) throws MessagingException, IOException {
      MimeMessage mime = mime(messageId(id, queuedAt), message);
      if (!config.smtpEnabled()) {
        written.add(writePartial(id, message.kind(), mime, written.isEmpty()));
        return;
      }
      try {
        connected().sendMessage(mime, mime.getAllRecipients());
      } catch (SendFailedException refused) {
        throw refused; // this message's recipients refused; the connection serves the next
      } catch (MessagingException broken) {
        close();
        throw broken;
      }
    }

    /**
     * Makes the files written so far durable, then visible under their names: each synced, then
     * renamed, then the directory synced once. Answers the messages whose file did not make it
     * (none over SMTP), which are not sent; call it before recording the others sent.
     */
    Map<Long, Exception> finish() {
      Map<Long, Exception> failures = new HashMap<>();
      List<Written> renamed = new ArrayList<>();
      for (Written file : written) {
        try {
          try (FileOutputStream closing = file.file()) {
            closing.getFD().sync();
          }
          Files.move(file.partial(), file.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          renamed.add(file);
        } catch (IOException e) {
          failures.put(file.id(), e);
        }
      }
      written.clear();
      if (!renamed.isEmpty()) {
        try (FileChannel dir = FileChannel.open(mailDir, StandardOpenOption.READ)) {
          dir.force(true);
        } catch (IOException e) {
          renamed.forEach(file -> failures.put(file.id(), e));
        }
      }
      return failures;
    }

    private Transport connected() throws MessagingException {
      if (transport == null || !transport.isConnected()) {
        transport = session.getTransport("smtp");
        transport.connect(blankToNull(config.username()), blankToNull(config.password()));
      }
      return transport;
    }

    /**
     * Ends the SMTP session (QUIT); a server already gone changes nothing for the messages sent.
     * Files not finished stay partial: their messages go again.
     */
    @Override
    public void close() {
      written.forEach(file -> {
        try {
          file.file().close();
        } catch (IOException e) {
          LOG.debug("Partial mail file closed uncleanly: {}", e.getMessage());
        }
      });
      written.clear();
      if (transport == null) {
        return;
      }
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.debug("SMTP connection closed uncleanly: {}", e.getMessage());
      }
      transport = null;
    }
  }

  /** Opens the way out for a batch of messages; close it once the batch is sent. */
  Outgoing open() {
    return new Outgoing();
  }

  /**
   * {@code <outbox-ID-QUEUED@DOMAIN>}: the row's id, its queueing instant (so two databases'
   * row 1 differ) and the domain of {@code mail.from}, which no instance's host name enters.
   */
  String messageId(long id, OffsetDateTime queuedAt) {
    String from = config.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return "<outbox-" + id + "-" + queuedAt.toInstant().toEpochMilli() + "@"
        + (domain.isEmpty() ? "parcours.local" : domain) + ">";
  }

  private MimeMessage mime(String messageId, Message message) throws MessagingException {
    MimeMessage mime = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    mime.setFrom(new InternetAddress(config.from()));
    mime.setRecipients(jakarta.mail.Message.RecipientType.TO, recipients(message.recipient()));
    mime.setSubject(message.subject(), "UTF-8");
    mime.setText(message.body(), "UTF-8");
    // Quoted-printable would cut long lines, a link among them, with soft breaks ("=" at the end)
    // that whoever copies the link from the raw message keeps: 8bit keeps each line whole when
    // all fit SMTP's 998 octets, base64 otherwise.
    mime.setHeader("Content-Transfer-Encoding", fitsEightBit(message.body()) ? "8bit" : "base64");
    mime.setSentDate(new Date());
    mime.saveChanges();
    return mime;
  }

  static boolean fitsEightBit(String body) {
    return body.lines().allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= MAX_LINE_OCTETS);
  }

  private static InternetAddress[] recipients(String recipient) throws InvalidRecipientException {
    try {
      return InternetAddress.parse(recipient);
    } catch (AddressException e) {
      throw new InvalidRecipientException(recipient, e);
    }
  }

  /** The message written to its partial file, left open for {@link Outgoing#finish()} to sync. */
  private Outgoing.Written writePartial(long id, String kind, MimeMessage mime, boolean first)
      throws IOException, MessagingException {
    if (first) {
      Files.createDirectories(mailDir);
    }
    Path target = mailDir.resolve(String.format("%08d-%s.eml", id, kind));
    Path partial = mailDir.resolve(target.getFileName() + PARTIAL);
    FileOutputStream file = new FileOutputStream(partial.toFile());
    try {
      // Buffered: Jakarta Mail writes a message line by line, a system call per header otherwise.
      BufferedOutputStream out = new BufferedOutputStream(file, 16 * 1024);
      mime.writeTo(out);
      out.flush();
    } catch (IOException | MessagingException | RuntimeException e) {
      file.close();
      throw e;
    }
    return new Outgoing.Written(id, file, partial, target);
  }

  /**
   * Deletes the half-written files an instance killed while writing left behind (their message
   * was not recorded sent, so it is written again in full). Only files some seconds old: the
   * directory may be shared with an instance writing one right now (a write takes milliseconds).
   */
  void removePartialFiles() throws IOException {
    if (!Files.isDirectory(mailDir)) {
      return;
    }
    FileTime before = FileTime.from(Instant.now().minus(PARTIAL_AGE));
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(mailDir, "*.eml" + PARTIAL)) {
      for (Path partial : partials) {
        if (Files.getLastModifiedTime(partial).compareTo(before) < 0) {
          Files.deleteIfExists(partial);
        }
      }
    }
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
