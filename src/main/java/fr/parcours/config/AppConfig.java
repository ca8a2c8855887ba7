package fr.parcours.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Map;

/**
 * The server's settings, read once at start by {@link ConfigLoader}: a value for every
 * {@link Settings} entry, read with {@link #get}. The few methods below derive from them.
 */
public final class AppConfig {

  private final Map<Setting<?>, Object> values;

  AppConfig(Map<Setting<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** The settings of {@code json} (laid over the defaults), refusing unknown keys and bad values. */
  public static AppConfig fromJson(JsonObject json) {
    return ConfigLoader.fromSources(json, "the configuration", Map.of());
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** {@code http.public_url} without a trailing slash, or this machine's URL when it is empty. */
  public String publicUrl() {
    String url = get(Settings.HTTP_PUBLIC_URL);
    String base = url.isBlank() ? "http://localhost:" + get(Settings.HTTP_PORT) : url;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public Path dataDir() {
    return Path.of(get(Settings.DATA_DIR));
  }

  public String dbUrl() {
    return get(Settings.DB_URL);
  }

  public boolean embeddedDatabase() {
    return dbUrl().isBlank();
  }

  public MailConfig mail() {
    return new MailConfig(get(Settings.MAIL_SMTP_HOST), get(Settings.MAIL_SMTP_PORT),
        get(Settings.MAIL_SMTP_USERNAME), get(Settings.MAIL_SMTP_PASSWORD), get(Settings.MAIL_SMTP_STARTTLS),
        get(Settings.MAIL_FROM), get(Settings.MAIL_POLL_SECONDS));
  }

  /** The {@code mail.*} settings together, as the sender uses them. */
  public record MailConfig(String smtpHost, int smtpPort, String username, String password,
                           boolean startTls, String from, int pollSeconds) {
    public boolean smtpEnabled() {
      return smtpHost != null && !smtpHost.isBlank();
    }
  }
}
