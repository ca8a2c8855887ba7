package fr.parcours.config;

import fr.parcours.error.StartupFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the settings from a JSON file ({@code conf/config.json} unless {@code --config} or
 * {@code PARCOURS_CONFIG} names another) and lets the environment override any of them:
 * {@code http.port} becomes {@code PARCOURS_HTTP_PORT}. An unknown key or variable, or a bad
 * value, refuses the start naming it: a typo must not silently leave a default in place.
 */
public final class ConfigLoader {

  static final String ENV_PREFIX = "PARCOURS_";
  static final Path DEFAULT_FILE = Path.of("conf/config.json");
  /** Variables that are not settings: the file to read, a one-time command's password. */
  private static final Set<String> OTHER_VARIABLES = Set.of("PARCOURS_CONFIG", "PARCOURS_NEW_ORGANISER_PASSWORD");

  private ConfigLoader() {
  }

  /** {@code file} as given on the command line, or empty to use PARCOURS_CONFIG or the default. */
  public static AppConfig load(Optional<Path> file, Map<String, String> env) {
    Optional<Path> named = file.or(() -> Optional.ofNullable(env.get(ENV_PREFIX + "CONFIG")).map(Path::of));
    Path path = named.orElse(DEFAULT_FILE);
    if (named.isPresent() && !Files.isRegularFile(path)) {
      throw new StartupFailure("config file " + path + " does not exist");
    }
    JsonObject json = Files.isRegularFile(path) ? read(path) : new JsonObject();
    return fromSources(json, path.toString(), env);
  }

  static AppConfig fromSources(JsonObject json, String origin, Map<String, String> env) {
    refuseUnknownKeys(json, origin);
    refuseUnknownVariables(env);
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    for (Setting<?> setting : Settings.all()) {
      values.put(setting, value(setting, json, origin, env));
    }
    return new AppConfig(values);
  }

  private static Object value(Setting<?> setting, JsonObject json, String origin, Map<String, String> env) {
    String variable = setting.environmentVariable();
    try {
      if (env.containsKey(variable)) {
        return setting.type().fromText(env.get(variable));
      }
      JsonObject section = json.getJsonObject(setting.section());
      return section == null || !section.containsKey(setting.key())
          ? setting.defaultValue() : setting.type().fromJson(section.getValue(setting.key()));
    } catch (IllegalArgumentException e) {
      String source = env.containsKey(variable) ? variable + "='" + env.get(variable) + "'"
          : setting.name() + " in " + origin;
      throw new StartupFailure("setting " + source + " " + e.getMessage(), e);
    }
  }

  private static void refuseUnknownKeys(JsonObject json, String origin) {
    Set<String> known = Settings.all().stream().map(Setting::name).collect(Collectors.toSet());
    for (String section : json.fieldNames()) {
      if (!(json.getValue(section) instanceof JsonObject keys)) {
        throw new StartupFailure("setting section " + section + " in " + origin + " must be a JSON object");
      }
      for (String key : keys.fieldNames()) {
        if (!known.contains(section + "." + key)) {
          throw new StartupFailure("unknown setting " + section + "." + key + " in " + origin
              + " (the settings are listed in README.md, Configuration)");
        }
      }
    }
  }

  private static void refuseUnknownVariables(Map<String, String> env) {
    Set<String> known = Settings.all().stream().map(Setting::environmentVariable).collect(Collectors.toSet());
    for (String variable : env.keySet()) {
      if (variable.startsWith(ENV_PREFIX) && !known.contains(variable) && !OTHER_VARIABLES.contains(variable)) {
        throw new StartupFailure("unknown environment variable " + variable
            + " (the settings are listed in README.md, Configuration)");
      }
    }
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new StartupFailure("cannot read config file " + file + ": " + e.getMessage(), e);
    } catch (DecodeException e) {
      throw new StartupFailure("config file " + file + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
