import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The benchmark's mail relay: a real SMTP server (GreenMail, the tests' own) on loopback that
 * takes every message the servers send, so a rush's confirmation mails go the way they go in
 * production (over SMTP to a relay) rather than to files fsynced one by one. Keeps nothing: the
 * mailboxes are emptied every few seconds.
 *
 * Usage (classes built by bench/build.sh): java -cp "$classpath" SmtpSink PORT
 */
public final class SmtpSink {

  private static final long PURGE_MS = 5_000;

  public static void main(String[] args) throws Exception {
    GreenMail relay = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", "smtp"));
    relay.start();
    while (true) {
      Thread.sleep(PURGE_MS);
      relay.purgeEmailFromAllMailboxes();
    }
  }
}
