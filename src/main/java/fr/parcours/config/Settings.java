package fr.parcours.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every setting of the server, each defined once. Adding one is one line here (and its README
 * row, which {@code SettingsReadmeTest} checks); read it with {@code config.get(Settings.X)}.
 */
public final class Settings {

  private static final List<Setting<?>> ALL = new ArrayList<>();

  public static final Setting<String> HTTP_HOST = text("http", "host", "0.0.0.0", "interface to listen on");
  public static final Setting<Integer> HTTP_PORT = number("http", "port", 8080, 1, 65535, "HTTP port");
  public static final Setting<String> HTTP_PUBLIC_URL = text("http", "public_url", "",
      "base of the links the server hands out (manage links, calendar feeds); empty: `http://localhost:{port}`");
  public static final Setting<Integer> HTTP_SHUTDOWN_GRACE_SECONDS = number("http", "shutdown_grace_seconds", 20, 0, 3600,
      "how long SIGTERM waits for requests in flight");
  public static final Setting<String> DATA_DIR = text("data", "dir", "data",
      "where the embedded database and the written emails (`mail/*.eml`) live");
  public static final Setting<String> DB_URL = text("db", "url", "",
      "an external PostgreSQL (`postgresql://user:pass@host:5432/db`); when set, nothing is embedded");
  public static final Setting<Integer> DB_POOL_SIZE = number("db", "pool_size", 16, 1, 1000,
      "connections per server instance");
  public static final Setting<String> ORGANISER_EMAIL = text("organiser", "email", "",
      "first organiser, created at start if missing");
  public static final Setting<String> ORGANISER_NAME = text("organiser", "name", "Organiser", "its display name");
  public static final Setting<String> ORGANISER_PASSWORD = text("organiser", "password", "",
      "its password (at least 10 characters)");
  public static final Setting<String> DEMO_ORGANISER_EMAIL = text("demo", "organiser_email", "demo@parcours.local",
      "organiser owning the demo fair (`--demo` only)");
  public static final Setting<String> DEMO_ORGANISER_PASSWORD = text("demo", "organiser_password", "parcours-demo",
      "its password");
  public static final Setting<String> MAIL_SMTP_HOST = text("mail", "smtp_host", "",
      "SMTP server; when empty, messages are written as `.eml` files under `data/mail/`");
  public static final Setting<Integer> MAIL_SMTP_PORT = number("mail", "smtp_port", 587, 1, 65535, "SMTP port");
  public static final Setting<String> MAIL_SMTP_USERNAME = text("mail", "smtp_username", "",
      "SMTP login (none when empty)");
  public static final Setting<String> MAIL_SMTP_PASSWORD = text("mail", "smtp_password", "", "SMTP password");
  public static final Setting<Boolean> MAIL_SMTP_STARTTLS = flag("mail", "smtp_starttls", true,
      "upgrade the SMTP connection with STARTTLS");
  public static final Setting<String> MAIL_FROM = text("mail", "from", "Parcours <no-reply@parcours.local>",
      "sender of every message");
  public static final Setting<Integer> MAIL_POLL_SECONDS = number("mail", "poll_seconds", 5, 1, 3600,
      "how often the outbox is polled besides LISTEN/NOTIFY wake-ups");
  public static final Setting<Integer> BOOKING_GROUP_MAX = number("booking", "group_max", 32, 1, 10_000,
      "at most this many bookings of one track that arrive together share one transaction (the track locked once,"
          + " one commit); `1` gives each booking its own");
  public static final Setting<Boolean> METRICS_ENABLED = flag("metrics", "enabled", true,
      "serve `GET /metrics` in Prometheus format: HTTP requests by route, pool usage, bookings by outcome,"
          + " booking latency, feed cache hits");
  public static final Setting<Integer> ASSOCIATIONS_SIGN_IN_MINUTES = number("associations", "sign_in_minutes", 30,
      1, 10_080, "how long an association's sign-in link stays valid (it works once)");
  public static final Setting<Integer> LIVE_MAX_STREAMS = number("live", "max_streams", 2000, 1, 1_000_000,
      "live pages (server-sent event streams) one instance follows at once; past it a new stream gets 503 and the"
          + " page keeps its numbers of load time");

  private Settings() {
  }

  /** In definition order, which is the README's. */
  public static List<Setting<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  private static Setting<String> text(String section, String key, String defaultValue, String doc) {
    return add(new Setting<>(section, key, new Setting.Text(), defaultValue, doc));
  }

  private static Setting<Integer> number(String section, String key, int defaultValue, int min, int max, String doc) {
    return add(new Setting<>(section, key, new Setting.WholeNumber(min, max), defaultValue, doc));
  }

  private static Setting<Boolean> flag(String section, String key, boolean defaultValue, String doc) {
    return add(new Setting<>(section, key, new Setting.Flag(), defaultValue, doc));
  }

  private static <T> Setting<T> add(Setting<T> setting) {
    ALL.add(setting);
    return setting;
  }
}
