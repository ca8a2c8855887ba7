package fr.parcours.config;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * The bounds that keep one client from tiring the server (section {@code limits}): HTTP
 * timeouts, live streams per client address, which proxies may name the client, and the rate
 * of each kind of request worth abusing, as {@code "max/seconds"} (10 tries per 900 s).
 */
public record LimitsConfig(int headerTimeoutSeconds, int idleTimeoutSeconds, List<String> trustedProxies,
                           int streamsPerClient, Rate loginPerAccount, Rate loginPerAddress,
                           Rate signInLinksPerAddress, Rate signInLinksPerEmail, Rate registrationsPerAddress,
                           Rate bookingsPerAddress, Rate bookingsPerEmail) {

  /** At most {@code max} requests in every window of {@code windowSeconds}. */
  public record Rate(int max, int windowSeconds) {

    static Rate parse(String key, String text) {
      String[] parts = text.strip().split("/");
      try {
        Rate rate = new Rate(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        if (parts.length == 2 && rate.max > 0 && rate.windowSeconds > 0) {
          return rate;
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        // said below
      }
      throw new IllegalArgumentException("limits." + key + " must read max/seconds, like 10/900, not " + text);
    }
  }

  static LimitsConfig of(JsonObject limits) {
    return new LimitsConfig(limits.getInteger("header_timeout_seconds"), limits.getInteger("idle_timeout_seconds"),
        Arrays.stream(limits.getString("trusted_proxies").split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .toList(),
        limits.getInteger("streams_per_client"),
        rate(limits, "login_per_account"), rate(limits, "login_per_address"),
        rate(limits, "sign_in_links_per_address"), rate(limits, "sign_in_links_per_email"),
        rate(limits, "registrations_per_address"), rate(limits, "bookings_per_address"),
        rate(limits, "bookings_per_email"));
  }

  private static Rate rate(JsonObject limits, String key) {
    return Rate.parse(key, limits.getString(key));
  }
}
