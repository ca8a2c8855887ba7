package fr.parcours;

import fr.parcours.auth.Organiser;
import fr.parcours.config.AppConfig;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static fr.parcours.support.TestApp.authorized;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded database keeps its data in the data directory: a restart finds the fairs again. */
@ExtendWith(VertxExtension.class)
class RestartTest {

  @Test
  void aFairSurvivesARestart(Vertx vertx, @TempDir Path dataDir) {
    JsonObject embedded = new JsonObject().put("data", new JsonObject().put("dir", dataDir.toString()));
    try (TestApp first = TestApp.start(vertx, "", embedded)) {
      String token = first.organiserToken("restart@fair.test");
      JsonObject fair = new JsonObject().put("slug", "salon-durable").put("name", "Salon durable")
          .put("city", "Limoges").put("time_zone", "Europe/Paris").put("status", "published")
          .put("days", new JsonArray().add(new JsonObject().put("date", "2027-03-18")
              .put("opens_at", "09:00").put("closes_at", "17:00")));
      assertEquals(201, send(authorized(first.client().post("/api/fairs"), token), fair).statusCode());
    }
    try (TestApp second = TestApp.start(vertx, "", embedded)) {
      JsonObject read = send(second.client().get("/api/fairs/salon-durable"), null).bodyAsJsonObject();
      assertEquals("Limoges", read.getString("city"));
      assertEquals("09:00", read.getJsonArray("days").getJsonObject(0).getString("opens_at"));
    }
  }

  @Test
  void anOrganiserCreatedByTheOneTimeCommandCanLogInLater(Vertx vertx, @TempDir Path dataDir) throws Exception {
    JsonObject embedded = new JsonObject().put("data", new JsonObject().put("dir", dataDir.toString()));
    AppConfig config = AppConfig.fromJson(embedded);
    Organiser created = Application.runOnce(config,
        services -> services.auth().createOrganiser("anne@teensup.example", "Anne Martin", "une phrase de passe"));
    assertEquals("Anne Martin", created.name());

    try (TestApp server = TestApp.start(vertx, "", embedded)) {
      HttpResponse<Buffer> login = send(server.client().post("/api/auth/login"),
          new JsonObject().put("email", "anne@teensup.example").put("password", "une phrase de passe"));
      assertEquals(200, login.statusCode());
    }
  }
}
