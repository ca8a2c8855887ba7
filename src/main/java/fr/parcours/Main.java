package fr.parcours;

import fr.parcours.common.Tokens;
import fr.parcours.config.AppConfig;
import fr.parcours.config.ConfigLoader;
import fr.parcours.config.Settings;
import fr.parcours.error.AppException;
import fr.parcours.error.StartupFailure;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Entry point of {@code parcours.jar}.
 * <ul>
 *   <li>{@code java -jar parcours.jar [--demo] [--config FILE]}: serve; with --demo, load the demo
 *       fair unless it exists.</li>
 *   <li>{@code java -jar parcours.jar create-organiser --email E --name N}: create an organiser
 *       (password from PARCOURS_NEW_ORGANISER_PASSWORD, or generated and printed) and exit.</li>
 * </ul>
 * What an operator can fix (a busy port, a bad setting, a held data directory…) is said in one
 * line on stderr with a non-zero exit; bad arguments exit with 2 and the usage line.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Main() {
  }

  public static void main(String[] args) {
    quietNetty();
    int code = run(List.of(args), System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Netty reports every buffer allocation to JFR when the JVM can record (its default): its first
   * buffer then loads the event classes and the JDK's flight-recorder metadata, most of a second
   * of CPU at each start, for events nobody records unless they profile Netty itself. Off unless
   * set ({@code -Dio.netty.jfr.enabled=true}); before any Netty class reads it.
   */
  private static void quietNetty() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /** Runs the command line; answers the exit code (0 also while a started server runs on). */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    CommandLine line;
    try {
      line = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("parcours: " + e.getMessage());
      err.println(CommandLine.USAGE);
      return 2;
    }
    if (line.command() == CommandLine.Command.HELP) {
      out.println(CommandLine.USAGE);
      return 0;
    }
    AppConfig config = null;
    try {
      config = ConfigLoader.load(line.configFile(), env);
      return line.command() == CommandLine.Command.CREATE_ORGANISER
          ? createOrganiser(config, line, env, out, err) : serve(config, line.demo());
    } catch (Exception e) {
      err.println("parcours: " + explain(e, config));
      return 1;
    }
  }

  private static int serve(AppConfig config, boolean demo) throws Exception {
    Application app = Application.start(config, demo).toCompletionStage().toCompletableFuture().get();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Shutting down: finishing requests in flight");
      try {
        app.stop().toCompletionStage().toCompletableFuture()
            .get(config.get(Settings.HTTP_SHUTDOWN_GRACE_SECONDS) + 30L, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.error("Shutdown did not complete cleanly", e);
      }
    }, "parcours-shutdown"));
    return 0;
  }

  private static int createOrganiser(AppConfig config, CommandLine line, Map<String, String> env,
                                     PrintStream out, PrintStream err) throws Exception {
    String email = line.option("--email");
    String given = env.get("PARCOURS_NEW_ORGANISER_PASSWORD");
    String password = given == null || given.isBlank() ? Tokens.newToken().substring(0, 16) : given;
    try {
      Application.runOnce(config, services -> services.auth.createOrganiser(email, line.option("--name"), password));
    } catch (Exception e) {
      if (cause(e, StartupFailure.class) != null) {
        throw e;
      }
      err.println("Organiser not created: " + reason(e.getCause() == null ? e : e.getCause()));
      return 1;
    }
    out.println("Organiser " + email + " created" + (given == null ? " with password " + password : ""));
    return 0;
  }

  /** One line an operator can act on; anything unforeseen is also logged with its stack trace. */
  private static String explain(Exception e, AppConfig config) {
    StartupFailure startup = cause(e, StartupFailure.class);
    if (startup != null) {
      return startup.getMessage();
    }
    if (cause(e, BindException.class) != null && config != null) {
      return "port " + config.get(Settings.HTTP_PORT) + " is in use; set " + Settings.HTTP_PORT.environmentVariable();
    }
    LOG.error("Start failed", e);
    return "could not start: " + e;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static String reason(Throwable failure) {
    if (failure instanceof AppException app && !app.details().isEmpty()) {
      return app.details().stream().map(d -> d.field() + " " + d.message()).collect(Collectors.joining("; "));
    }
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return "an organiser with this email already exists";
    }
    return failure.getMessage();
  }
}
