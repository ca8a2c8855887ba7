package fr.parcours.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code conf/config.json} (or the file named by {@code PARCOURS_CONFIG}) and lets the
 * environment override any key: {@code http.port} becomes {@code PARCOURS_HTTP_PORT},
 * {@code mail.smtp_host} becomes {@code PARCOURS_MAIL_SMTP_HOST}.
 */
public final class ConfigLoader {

  private static final String PREFIX = "PARCOURS_";

  private ConfigLoader() {
  }

  public static AppConfig load(Map<String, String> env) {
    Path file = Path.of(env.getOrDefault(PREFIX + "CONFIG", "conf/config.json"));
    JsonObject json = Files.exists(file) ? read(file) : new JsonObject();
    applyEnvironment(json, env);
    return AppConfig.fromJson(json);
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Overrides every {@code section.key} of the file for which an environment variable is set. */
  static void applyEnvironment(JsonObject json, Map<String, String> env) {
    JsonObject defaults = AppConfigKeys.DEFAULTS;
    for (String section : defaults.fieldNames()) {
      for (String key : defaults.getJsonObject(section).fieldNames()) {
        String value = env.get(PREFIX + (section + "_" + key).toUpperCase());
        if (value != null) {
          JsonObject target = json.getJsonObject(section);
          if (target == null) {
            target = new JsonObject();
            json.put(section, target);
          }
          target.put(key, typed(defaults.getJsonObject(section).getValue(key), value, section + "." + key));
        }
      }
    }
  }

  private static Object typed(Object example, String value, String key) {
    try {
      if (example instanceof Integer) {
        return Integer.parseInt(value.trim());
      }
      if (example instanceof Boolean) {
        return Boolean.parseBoolean(value.trim());
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + value + "'");
    }
  }
}
