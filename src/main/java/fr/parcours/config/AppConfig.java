package fr.parcours.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The server's settings, read once at start from {@code conf/config.json} and the environment.
 * Every key is documented in README.md; {@link ConfigLoader} explains the override rule.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    String publicUrl,
    Path dataDir,
    String dbUrl,
    int dbPoolSize,
    String organiserEmail,
    String organiserName,
    String organiserPassword,
    String demoOrganiserEmail,
    String demoOrganiserPassword,
    int shutdownGraceSeconds,
    MailConfig mail,
    boolean metricsEnabled,
    int bookingGroupMax,
    int associationSignInMinutes,
    int liveMaxStreams,
    LimitsConfig limits) {

  /** SMTP settings; when {@code smtpHost} is blank, messages are written as .eml files instead. */
  public record MailConfig(String smtpHost, int smtpPort, String username, String password,
                           boolean startTls, String from, int pollSeconds) {
    public boolean smtpEnabled() {
      return smtpHost != null && !smtpHost.isBlank();
    }
  }

  public boolean embeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  /** Builds the config from {@code json} laid over the defaults of {@link AppConfigKeys}. */
  public static AppConfig fromJson(JsonObject json) {
    JsonObject all = AppConfigKeys.DEFAULTS.copy().mergeIn(json, true);
    JsonObject http = all.getJsonObject("http");
    JsonObject db = all.getJsonObject("db");
    JsonObject organiser = all.getJsonObject("organiser");
    JsonObject demo = all.getJsonObject("demo");
    JsonObject mail = all.getJsonObject("mail");
    int port = http.getInteger("port");
    String publicUrl = http.getString("public_url");
    return new AppConfig(
        http.getString("host"),
        port,
        stripTrailingSlash(publicUrl.isBlank() ? "http://localhost:" + port : publicUrl),
        Path.of(all.getJsonObject("data").getString("dir")),
        db.getString("url"),
        db.getInteger("pool_size"),
        organiser.getString("email"),
        organiser.getString("name"),
        organiser.getString("password"),
        demo.getString("organiser_email"),
        demo.getString("organiser_password"),
        http.getInteger("shutdown_grace_seconds"),
        new MailConfig(
            mail.getString("smtp_host"),
            mail.getInteger("smtp_port"),
            mail.getString("smtp_username"),
            mail.getString("smtp_password"),
            mail.getBoolean("smtp_starttls"),
            mail.getString("from"),
            mail.getInteger("poll_seconds")),
        all.getJsonObject("metrics").getBoolean("enabled"),
        Math.max(1, all.getJsonObject("booking").getInteger("group_max")),
        all.getJsonObject("associations").getInteger("sign_in_minutes"),
        all.getJsonObject("live").getInteger("max_streams"),
        LimitsConfig.of(all.getJsonObject("limits")));
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
