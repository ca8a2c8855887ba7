package fr.parcours.config;

import io.vertx.core.json.JsonObject;

/** Every setting with its default; the README's configuration table mirrors this list. */
final class AppConfigKeys {

  static final JsonObject DEFAULTS = new JsonObject()
      .put("http", new JsonObject()
          .put("host", "0.0.0.0")
          .put("port", 8080)
          .put("public_url", "")
          .put("shutdown_grace_seconds", 20))
      .put("data", new JsonObject()
          .put("dir", "data"))
      .put("db", new JsonObject()
          .put("url", "")
          .put("pool_size", 16))
      .put("organiser", new JsonObject()
          .put("email", "")
          .put("name", "Organiser")
          .put("password", ""))
      .put("demo", new JsonObject()
          .put("organiser_email", "demo@parcours.local")
          .put("organiser_password", "parcours-demo"))
      .put("mail", new JsonObject()
          .put("smtp_host", "")
          .put("smtp_port", 587)
          .put("smtp_username", "")
          .put("smtp_password", "")
          .put("smtp_starttls", true)
          .put("from", "Parcours <no-reply@parcours.local>")
          .put("poll_seconds", 5))
      .put("metrics", new JsonObject()
          .put("enabled", true))
      .put("booking", new JsonObject()
          .put("group_max", 32))
      .put("associations", new JsonObject()
          .put("sign_in_minutes", 30))
      .put("live", new JsonObject()
          .put("max_streams", 2000))
      .put("limits", new JsonObject()
          .put("header_timeout_seconds", 10)
          .put("idle_timeout_seconds", 120)
          .put("trusted_proxies", "")
          .put("streams_per_client", 20)
          .put("login_per_account", "10/900")
          .put("login_per_address", "30/900")
          .put("sign_in_links_per_address", "10/3600")
          .put("sign_in_links_per_email", "3/3600")
          .put("registrations_per_address", "10/3600")
          .put("bookings_per_address", "100/3600")
          .put("bookings_per_email", "20/3600"));

  private AppConfigKeys() {
  }
}
