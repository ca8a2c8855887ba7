package fr.parcours;

import fr.parcours.config.AppConfig;
import fr.parcours.demo.DemoFair;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** What a start may create on an empty database: the configured organiser and the demo fair. */
final class Bootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private Bootstrap() {
  }

  /** Creates the organiser named in the configuration ({@code organiser.*}) if missing. */
  static Future<Void> firstOrganiser(Services services) {
    AppConfig config = services.config;
    if (config.organiserEmail().isBlank()) {
      return Future.succeededFuture();
    }
    return services.auth.ensureOrganiser(config.organiserEmail(), config.organiserName(), config.organiserPassword())
        .onSuccess(created -> {
          if (created) {
            LOG.info("Created organiser {} from the configuration", config.organiserEmail());
          }
        })
        .mapEmpty();
  }

  /** Ensures the demo organiser and loads the demo fair unless it is already published. */
  static Future<Void> demo(Services services) {
    AppConfig config = services.config;
    return services.auth.ensureOrganiser(config.demoOrganiserEmail(), "Demo organiser", config.demoOrganiserPassword())
        .compose(created -> services.auth.findOrganiser(config.demoOrganiserEmail()))
        .compose(organiser -> new DemoFair(services.fairs, services.resources, services.challenges, services.pool)
            .loadIfMissing(organiser, Instant.now()))
        .onSuccess(organiser -> printDemoCredentials(config))
        .mapEmpty();
  }

  private static void printDemoCredentials(AppConfig config) {
    System.out.println();
    System.out.println("  Parcours demo is running at " + config.publicUrl());
    System.out.println("  Organiser login: " + config.demoOrganiserEmail() + " / " + config.demoOrganiserPassword());
    System.out.println("  (POST " + config.publicUrl() + "/api/auth/login with {\"email\", \"password\"})");
    System.out.println();
  }
}
