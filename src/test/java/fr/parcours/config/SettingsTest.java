package fr.parcours.config;

import fr.parcours.error.StartupFailure;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One definition per setting: the file, the environment, the refusals and the README all follow it. */
class SettingsTest {

  @Test
  void everySettingIsReadFromTheFileAndFromItsVariableAndRefusesABadValueNamingItself() {
    // What a new line in Settings gets without any other edit.
    for (Setting<?> setting : Settings.all()) {
      Object value = setting.defaultValue();
      JsonObject file = new JsonObject().put(setting.section(), new JsonObject().put(setting.key(), value));
      assertEquals(value, AppConfig.fromJson(file).get(setting), setting.name());
      String text = String.valueOf(value);
      AppConfig fromEnv = ConfigLoader.fromSources(new JsonObject(), "test", Map.of(setting.environmentVariable(), text));
      assertEquals(value, fromEnv.get(setting), setting.environmentVariable());

      JsonObject bad = new JsonObject().put(setting.section(), new JsonObject().put(setting.key(), List.of()));
      StartupFailure refused = assertThrows(StartupFailure.class, () -> AppConfig.fromJson(bad), setting.name());
      assertTrue(refused.getMessage().contains(setting.name()), refused.getMessage());
    }
  }

  @Test
  void yesIsNotABoolean() {
    StartupFailure refused = assertThrows(StartupFailure.class,
        () -> ConfigLoader.fromSources(new JsonObject(), "test", Map.of("PARCOURS_METRICS_ENABLED", "yes")));
    assertEquals("setting PARCOURS_METRICS_ENABLED='yes' must be true or false", refused.getMessage());
    assertEquals(false, ConfigLoader.fromSources(new JsonObject(), "test",
        Map.of("PARCOURS_METRICS_ENABLED", "false")).get(Settings.METRICS_ENABLED));
  }

  @Test
  void aBadNumberIsRefusedNamingTheKeyAndItsBounds() {
    StartupFailure text = assertThrows(StartupFailure.class,
        () -> ConfigLoader.fromSources(new JsonObject(), "test", Map.of("PARCOURS_HTTP_PORT", "80a")));
    assertEquals("setting PARCOURS_HTTP_PORT='80a' must be a whole number from 1 to 65535", text.getMessage());
    JsonObject zero = new JsonObject().put("booking", new JsonObject().put("group_max", 0));
    StartupFailure outOfBounds = assertThrows(StartupFailure.class, () -> AppConfig.fromJson(zero));
    assertEquals("setting booking.group_max in the configuration must be a whole number from 1 to 10000",
        outOfBounds.getMessage());
    JsonObject quoted = new JsonObject().put("db", new JsonObject().put("pool_size", "16"));
    assertThrows(StartupFailure.class, () -> AppConfig.fromJson(quoted));
  }

  @Test
  void unknownKeysAndVariablesAreRefused() {
    JsonObject typo = new JsonObject().put("http", new JsonObject().put("prot", 8081));
    assertTrue(assertThrows(StartupFailure.class, () -> AppConfig.fromJson(typo)).getMessage()
        .startsWith("unknown setting http.prot in the configuration"));
    JsonObject section = new JsonObject().put("htpp", new JsonObject().put("port", 8081));
    assertTrue(assertThrows(StartupFailure.class, () -> AppConfig.fromJson(section)).getMessage()
        .startsWith("unknown setting htpp.port"));
    assertTrue(assertThrows(StartupFailure.class, () -> ConfigLoader.fromSources(new JsonObject(), "test",
        Map.of("PARCOURS_HTTP_PROT", "8081"))).getMessage().startsWith("unknown environment variable PARCOURS_HTTP_PROT"));
  }

  @Test
  void theEnvironmentWinsOverTheFile() {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("port", 8081));
    AppConfig config = ConfigLoader.fromSources(file, "test", Map.of("PARCOURS_HTTP_PORT", "8082"));
    assertEquals(8082, config.get(Settings.HTTP_PORT));
    assertEquals("http://localhost:8082", config.publicUrl());
  }

  @Test
  void aConfigFileNamedButMissingIsRefused() {
    StartupFailure refused = assertThrows(StartupFailure.class,
        () -> ConfigLoader.load(Optional.of(Path.of("conf/nowhere.json")), Map.of()));
    assertEquals("config file conf/nowhere.json does not exist", refused.getMessage());
    assertThrows(StartupFailure.class, () -> ConfigLoader.load(Optional.empty(), Map.of("PARCOURS_CONFIG", "nowhere.json")));
  }

  @Test
  void theShippedConfigFileHoldsOnlyKnownKeysAtTheirDefaults() {
    AppConfig shipped = ConfigLoader.load(Optional.of(Path.of("conf/config.json")), Map.of());
    for (Setting<?> setting : Settings.all()) {
      assertEquals(setting.defaultValue(), shipped.get(setting), setting.name());
    }
  }

  @Test
  void everyDefaultIsAValueItsTypeAccepts() {
    for (Setting<?> setting : Settings.all()) {
      assertEquals(setting.defaultValue(), setting.type().fromJson(setting.defaultValue()), setting.name());
    }
  }

  @Test
  void theReadmeTableIsTheDefinitions() throws IOException {
    List<String> expected = new ArrayList<>(List.of(
        "| key | environment variable | values | default | meaning |",
        "| --- | --- | --- | --- | --- |"));
    for (Setting<?> setting : Settings.all()) {
      String shown = String.valueOf(setting.defaultValue());
      expected.add("| `" + setting.name() + "` | `" + setting.environmentVariable() + "` | "
          + setting.type().describe() + " | " + (shown.isEmpty() ? "empty" : "`" + shown + "`") + " | "
          + setting.doc() + " |");
    }
    assertEquals(String.join("\n", expected), String.join("\n", readmeTable()),
        "README.md's Configuration table must list Settings.all() in order, as above");
  }

  private static List<String> readmeTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    int from = lines.indexOf("## Configuration");
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(from, lines.size())) {
      if (line.startsWith("|")) {
        table.add(line);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    return table;
  }
}
