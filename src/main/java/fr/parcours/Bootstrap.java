package fr.parcours;

import fr.parcours.association.OfferKind;
import fr.parcours.config.AppConfig;
import fr.parcours.config.Settings;
import fr.parcours.demo.DemoFair;
import fr.parcours.fair.SessionKind;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a start may create in the database: the kinds, the configured organiser and the demo fair. */
final class Bootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private Bootstrap() {
  }

  /** The tables of every kind the enums define, so that the sessions' and offers' foreign keys accept it. */
  static final Map<String, List<String>> KINDS = Map.of("session_kinds", SessionKind.NAMES, "offer_kinds", OfferKind.NAMES);

  /** Creates the organiser named in the configuration ({@code organiser.*}) if missing. */
  static Future<Void> firstOrganiser(Services services) {
    AppConfig config = services.config;
    if (config.get(Settings.ORGANISER_EMAIL).isBlank()) {
      return Future.succeededFuture();
    }
    return services.auth.ensureOrganiser(config.get(Settings.ORGANISER_EMAIL), config.get(Settings.ORGANISER_NAME), config.get(Settings.ORGANISER_PASSWORD))
        .onSuccess(created -> {
          if (created) {
            LOG.info("Created organiser {} from the configuration", config.get(Settings.ORGANISER_EMAIL));
          }
        })
        .mapEmpty();
  }

  /** Ensures the demo organiser and loads the demo fair unless a fair of its slug exists. */
  static Future<Void> demo(Services services) {
    AppConfig config = services.config;
    String email = config.get(Settings.DEMO_ORGANISER_EMAIL);
    long began = System.nanoTime();
    return services.auth.ensureOrganiser(email, "Demo organiser", config.get(Settings.DEMO_ORGANISER_PASSWORD))
        .compose(created -> services.auth.findOrganiser(email))
        .compose(organiser -> new DemoFair(services.fairs, services.resources, services.challenges, services.pool)
            .loadIfMissing(organiser, Instant.now()))
        .onSuccess(loaded -> {
          if (loaded) {
            LOG.info("Demo fair {} loaded in {} ms", DemoFair.SLUG, (System.nanoTime() - began) / 1_000_000);
          } else {
            LOG.info("Demo fair {} exists: left as it is (delete it to load it again)", DemoFair.SLUG);
          }
          printDemoCredentials(config);
        })
        .mapEmpty();
  }

  private static void printDemoCredentials(AppConfig config) {
    System.out.println();
    System.out.println("  Parcours demo is running at " + config.publicUrl());
    System.out.println("  Organiser login: " + config.get(Settings.DEMO_ORGANISER_EMAIL) + " / " + config.get(Settings.DEMO_ORGANISER_PASSWORD));
    System.out.println("  (POST " + config.publicUrl() + "/api/auth/login with {\"email\", \"password\"})");
    System.out.println();
  }
}
