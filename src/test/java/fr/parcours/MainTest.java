package fr.parcours;

import fr.parcours.db.EmbeddedDatabase;
import fr.parcours.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The entry point as an operator meets it: exit codes and the one line that says what to fix. */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anUnknownOptionPrintsTheUsageAndExitsWith2() {
    assertEquals(2, run(List.of("--dmeo"), Map.of()));
    assertEquals("parcours: unknown option --dmeo\n" + CommandLine.USAGE + "\n", stderr());
    assertEquals(2, run(List.of("create-organiser", "--email", "a@b.example"), Map.of()));
    assertEquals("parcours: create-organiser needs --email and --name", stderr().lines().findFirst().orElseThrow());
  }

  @Test
  void helpPrintsTheUsage() {
    assertEquals(0, run(List.of("--help"), Map.of()));
    assertEquals(CommandLine.USAGE + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBadSettingStopsTheStartNamingIt() {
    assertEquals(1, run(List.of(), Map.of("PARCOURS_HTTP_PORT", "80a")));
    assertEquals("parcours: setting PARCOURS_HTTP_PORT='80a' must be a whole number from 1 to 65535\n", stderr());
  }

  @Test
  void aMissingConfigFileStopsTheStart() {
    assertEquals(1, run(List.of("--config", "conf/absent.json"), Map.of()));
    assertEquals("parcours: config file conf/absent.json does not exist\n", stderr());
  }

  @Test
  void aBusyPortStopsTheStartInOneLine(@TempDir Path data) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      Map<String, String> env = Map.of("PARCOURS_HTTP_PORT", String.valueOf(port),
          "PARCOURS_DB_URL", TestDatabase.freshDatabaseUrl(), "PARCOURS_DATA_DIR", data.toString());
      assertEquals(1, run(List.of(), env));
      assertEquals("parcours: port " + port + " is in use; set PARCOURS_HTTP_PORT\n", stderr());
    }
  }

  @Test
  void aDataDirectoryAnotherServerHoldsStopsTheCommand(@TempDir Path data) {
    try (EmbeddedDatabase running = EmbeddedDatabase.start(data, false)) {
      int code = run(List.of("create-organiser", "--email", "anne@teensup.example", "--name", "Anne"),
          Map.of("PARCOURS_DATA_DIR", data.toString()));
      assertEquals(1, code);
      assertEquals("parcours: the data directory " + data.resolve("postgres").toAbsolutePath()
          + " is in use by another Parcours server; stop it, or set PARCOURS_DATA_DIR\n", stderr());
    }
  }

  private int run(List<String> args, Map<String, String> env) {
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
