package fr.parcours.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every setting of the server, each defined once. Adding one is one line here (and its README
 * row, which {@code SettingsTest} checks: that is all a new one needs); read it with {@code config.get(Settings.X)}.
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
  public static final Setting<Integer> DB_MAX_WAIT_QUEUE = number("db", "max_wait_queue", 2000, 1, 1_000_000,
      "requests that may wait for a pooled connection at once; past it a request gets 503 `SERVER_BUSY` at once");
  public static final Setting<Integer> DB_ACQUIRE_TIMEOUT_MS = number("db", "acquire_timeout_ms", 3000, 50, 600_000,
      "longest wait for a pooled connection (or for opening one), then 503 `SERVER_BUSY`");
  public static final Setting<Integer> DB_LOCK_TIMEOUT_MS = number("db", "lock_timeout_ms", 10_000, 50, 600_000,
      "PostgreSQL `lock_timeout` of every connection: a row lock (a track's...) not obtained within it answers 503"
          + " `DATABASE_BUSY`; keep it above the idle-in-transaction timeout, so bookings queued behind a frozen"
          + " instance wait for its session to be cut rather than give up first");
  public static final Setting<Integer> DB_STATEMENT_TIMEOUT_MS = number("db", "statement_timeout_ms", 30_000, 100,
      3_600_000, "PostgreSQL `statement_timeout`: a statement running longer is cancelled, 503 `DATABASE_BUSY`");
  public static final Setting<Integer> DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = number("db",
      "idle_in_transaction_timeout_ms", 5000, 100, 3_600_000, "PostgreSQL `idle_in_transaction_session_timeout`:"
          + " the session of an instance that stops mid-transaction (paused, frozen, cut off) is ended and its locks freed");
  public static final Setting<Integer> DB_TCP_KEEPALIVE_SECONDS = number("db", "tcp_keepalive_seconds", 10, 1, 3600,
      "PostgreSQL `tcp_keepalives_idle` (interval half of it, 3 probes): the session of an instance whose host"
          + " vanished ends within about 25 s");
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
  public static final Setting<Integer> MAIL_CLAIM_LEASE_SECONDS = number("mail", "claim_lease_seconds", 120, 5, 86_400,
      "a message claimed for sending is not taken by another instance before this; if its sender died without"
          + " recording the outcome, it is sent again after it (keep it above the longest pause an instance may survive)");
  public static final Setting<Integer> ALLOCATION_POLL_SECONDS = number("allocation", "poll_seconds", 30, 1, 3600,
      "how often each instance looks for fairs whose allocation date has come with nothing published (one instance publishes each)");
  public static final Setting<Integer> BOOKING_GROUP_MAX = number("booking", "group_max", 32, 1, 10_000,
      "at most this many bookings of one fair that arrive together, on any of its tracks, share one transaction"
          + " (each track locked once, one commit); `1` gives each booking its own");
  public static final Setting<Boolean> METRICS_ENABLED = flag("metrics", "enabled", true,
      "serve `GET /metrics` in Prometheus format: HTTP requests by route, pool usage, bookings by outcome,"
          + " booking latency, feed cache hits");
  public static final Setting<Integer> ASSOCIATIONS_SIGN_IN_MINUTES = number("associations", "sign_in_minutes", 30,
      1, 10_080, "how long an association's sign-in link stays valid (it works once)");
  public static final Setting<Integer> LIVE_MAX_STREAMS = number("live", "max_streams", 2000, 1, 1_000_000,
      "live pages (server-sent event streams) one instance follows at once; past it a new stream gets 503 and the"
          + " page keeps its numbers of load time");

  public static final Setting<Integer> LIMITS_HEADER_TIMEOUT_SECONDS = number("limits", "header_timeout_seconds", 10, 1,
      3600, "a connection that has not sent a whole request's headers this long after it opened (or after its last"
          + " answer) is closed: slow-header clients hold nothing");
  public static final Setting<Integer> LIMITS_IDLE_TIMEOUT_SECONDS = number("limits", "idle_timeout_seconds", 120, 20,
      86_400, "a connection silent both ways this long is closed (live streams send a heartbeat every 15 s)");
  public static final Setting<Integer> LIMITS_EVENT_LOOP_WARN_MS = number("limits", "event_loop_warn_ms", 2000, 10,
      600_000, "one event-loop task running longer than this is logged as a blocked thread (Vert.x's"
          + " BlockedThreadChecker): nothing should come near it, pages render on worker threads");
  public static final Setting<String> LIMITS_TRUSTED_PROXIES = text("limits", "trusted_proxies", "",
      "comma-separated addresses of the reverse proxies in front: only a request from one of them has its client"
          + " taken from `X-Forwarded-For` (its last address that is not a trusted proxy); else the remote address");
  public static final Setting<Integer> LIMITS_STREAMS_PER_CLIENT = number("limits", "streams_per_client", 20, 1,
      1_000_000, "live streams one client address may hold on one instance; past it 429"
          + " `TOO_MANY_STREAMS_FOR_CLIENT` with `Retry-After`");
  public static final Setting<Integer> LIMITS_LOGIN_WINDOW_SECONDS = number("limits", "login_window_seconds", 900, 1,
      86_400, "the window over which organiser login attempts are counted");
  public static final Setting<Integer> LIMITS_LOGIN_FAILURES_PER_ACCOUNT = number("limits", "login_failures_per_account",
      10, 1, 1_000_000, "failed logins of one organiser account per login window; past it every login of the account"
          + " (the right password too) gets 429 `TOO_MANY_REQUESTS` with `Retry-After` until the window ends");
  public static final Setting<Integer> LIMITS_LOGIN_FAILURES_PER_ADDRESS = number("limits", "login_failures_per_address",
      30, 1, 1_000_000, "failed organiser logins from one client address per login window, whatever the account");
  public static final Setting<Integer> LIMITS_WINDOW_SECONDS = number("limits", "window_seconds", 3600, 1, 86_400,
      "the window over which sign-in links, registrations and bookings are counted");
  public static final Setting<Integer> LIMITS_SIGN_IN_LINKS_PER_EMAIL = number("limits", "sign_in_links_per_email", 5, 1,
      1_000_000, "association sign-in links (and registration messages) one email address may be sent per window");
  public static final Setting<Integer> LIMITS_SIGN_IN_LINKS_PER_ADDRESS = number("limits", "sign_in_links_per_address",
      20, 1, 1_000_000, "association sign-in link requests and registrations from one client address per window");
  public static final Setting<Integer> LIMITS_BOOKINGS_PER_ADDRESS = number("limits", "bookings_per_address", 300, 1,
      1_000_000, "class bookings from one client address per window (a school behind one address books all its"
          + " classes)");
  public static final Setting<Integer> LIMITS_BOOKINGS_PER_EMAIL = number("limits", "bookings_per_email", 30, 1,
      1_000_000, "class bookings giving one teacher email per window: each sends that address a message");

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
