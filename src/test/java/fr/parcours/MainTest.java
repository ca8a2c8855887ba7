package fr.parcours;

import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The entry point as an operator meets it: exit codes and the one line that says what to fix. */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anUnknownOptionPrintsTheUsageAndExitsWith2() {
    assertEquals(2, run(List.of("--dmeo"), Map.of()));
    assertEquals("parcours: unknown option --dmeo\n" + CommandLine.USAGE + "\n", stderr());
    err.reset();
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
  void createOrganiserWhileAServerRunsOnTheDataDirectoryStopsInOneLine(@TempDir Path data) throws Exception {
    Path log = data.resolve("server.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PARCOURS_DATA_DIR", data.toString());
    builder.environment().put("PARCOURS_HTTP_PORT", String.valueOf(TestApp.freePort()));
    Process server = builder.start();
    try {
      Poll.until(Duration.ofSeconds(120), () -> read(log), text -> text.contains("Parcours listening"));
      int code = run(List.of("create-organiser", "--email", "anne@teensup.example", "--name", "Anne"),
          Map.of("PARCOURS_DATA_DIR", data.toString()));
      assertEquals(1, code);
      assertEquals("parcours: the data directory " + data.resolve("postgres").toAbsolutePath()
          + " is in use by another Parcours server; stop it, or set PARCOURS_DATA_DIR\n", stderr());
    } finally {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private int run(List<String> args, Map<String, String> env) {
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
