package fr.parcours;

import fr.parcours.common.Tokens;
import fr.parcours.config.AppConfig;
import fr.parcours.config.ConfigLoader;
import fr.parcours.error.AppException;
import fr.parcours.error.StartupFailure;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Entry point of {@code parcours.jar}.
 * <ul>
 *   <li>{@code java -jar parcours.jar [--demo]}: serve; with --demo, load the demo fair once.</li>
 *   <li>{@code java -jar parcours.jar create-organiser --email E --name N}: create an organiser
 *       (password from PARCOURS_NEW_ORGANISER_PASSWORD, or generated and printed) and exit.</li>
 * </ul>
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (ExecutionException | StartupFailure e) {
      StartupFailure failure = startupFailure(e);
      if (failure == null) {
        throw e;
      }
      System.err.println("parcours: " + failure.getMessage());
      System.exit(1);
    }
  }

  private static StartupFailure startupFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartupFailure failure) {
        return failure;
      }
    }
    return null;
  }

  private static void run(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    AppConfig config = ConfigLoader.load(System.getenv());
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.println("Usage: java -jar parcours.jar [--demo] | create-organiser --email E --name N");
    } else if (!arguments.isEmpty() && arguments.get(0).equals("create-organiser")) {
      createOrganiser(config, arguments);
    } else {
      serve(config, arguments.contains("--demo"));
    }
  }

  private static void serve(AppConfig config, boolean demo) throws Exception {
    Application app = Application.start(config, demo).toCompletionStage().toCompletableFuture().get();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Shutting down: finishing requests in flight");
      try {
        app.stop().toCompletionStage().toCompletableFuture()
            .get(config.shutdownGraceSeconds() + 30L, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.error("Shutdown did not complete cleanly", e);
      }
    }, "parcours-shutdown"));
  }

  private static void createOrganiser(AppConfig config, List<String> arguments) throws Exception {
    String email = option(arguments, "--email");
    String name = option(arguments, "--name");
    if (email == null || name == null) {
      System.err.println("Usage: java -jar parcours.jar create-organiser --email E --name N");
      System.exit(2);
    }
    String given = System.getenv("PARCOURS_NEW_ORGANISER_PASSWORD");
    String password = given == null || given.isBlank() ? Tokens.newToken().substring(0, 16) : given;
    try {
      Application.runOnce(config, services -> services.auth.createOrganiser(email, name, password));
      System.out.println("Organiser " + email + " created" + (given == null ? " with password " + password : ""));
    } catch (ExecutionException e) {
      System.err.println("Organiser not created: " + reason(e.getCause()));
      System.exit(1);
    }
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

  private static String option(List<String> arguments, String name) {
    int index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : null;
  }
}
