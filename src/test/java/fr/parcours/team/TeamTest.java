package fr.parcours.team;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fair's team: roles, invitations, and every write of the fair refused to its staff. */
class TeamTest extends ServerTest {

  private static final Pattern INVITATION = Pattern.compile("/admin/invitations/([A-Za-z0-9_-]+)");

  private static AssociationApi fair;
  private static String staff;
  private static String editor;

  @BeforeAll
  static void team() {
    fair = new AssociationApi(app, "salon-equipe");
    fair.create(fair.base + "/rooms", new JsonObject().put("slug", "amphi").put("name", "Amphi").put("venue", "hotel")
        .put("kind", "conference").put("capacity", 100));
    staff = app.organiserToken("accueil@team.test");
    editor = app.organiserToken("edition@team.test");
    assertEquals("member", fair.create(fair.base + "/team", member("accueil@team.test", "staff")).getString("status"));
    fair.create(fair.base + "/team", member("edition@team.test", "editor"));
  }

  private static JsonObject member(String email, String role) {
    return new JsonObject().put("email", email).put("role", role);
  }

  private static HttpResponse<Buffer> call(String token, HttpMethod method, String path, JsonObject body) {
    return send(TestApp.authorized(app.client().request(method, path), token), body);
  }

  @Test
  void staffReadsTheFairItsListsAndItsTeam() {
    for (String path : List.of("", "/team", "/bookings", "/bookings.csv", "/booking-rules", "/stand-reservations",
        "/offers")) {
      HttpResponse<Buffer> read = call(staff, HttpMethod.GET, fair.base + path, null);
      assertEquals(200, read.statusCode(), path + ": " + read.bodyAsString());
    }
    JsonArray members = call(staff, HttpMethod.GET, fair.base + "/team", null).bodyAsJsonObject().getJsonArray("members");
    assertEquals(List.of("owner", "staff", "editor"),
        members.stream().map(m -> ((JsonObject) m).getString("role")).toList().subList(0, 3));
  }

  @Test
  void theTeamReadsAssociationsContactAddressesThatStrangersNeverSee() {
    fair.create(fair.base + "/associations", new JsonObject().put("slug", "relais").put("name", "Le Relais")
        .put("contact_email", "contact@relais.example"));
    for (String token : List.of(staff, editor, fair.organiser)) {
      assertTrue(call(token, HttpMethod.GET, fair.base, null).bodyAsString().contains("contact@relais.example"));
    }
    String stranger = app.organiserToken("curieux@team.test");
    assertFalse(call(stranger, HttpMethod.GET, fair.base, null).bodyAsString().contains("relais.example"));
  }

  @Test
  void everyWriteOfTheFairIsRefusedToStaff() {
    JsonObject venue = new JsonObject().put("slug", "lycee").put("name", "Lycée").put("address", "1 rue").put("city", "Pau");
    List<Object[]> writes = List.of(
        new Object[] {HttpMethod.PATCH, "", new JsonObject().put("name", "Autre nom")},
        new Object[] {HttpMethod.POST, "/venues", venue},
        new Object[] {HttpMethod.PATCH, "/venues/hotel", new JsonObject().put("name", "Autre")},
        new Object[] {HttpMethod.DELETE, "/rooms/amphi", null},
        new Object[] {HttpMethod.POST, "/slots", new JsonObject().put("day", AssociationApi.DAY).put("from", "09:00")
            .put("to", "10:00").put("duration_minutes", 30)},
        new Object[] {HttpMethod.PUT, "/booking-rules", new JsonObject().put("pupils_per_adult", 10)},
        new Object[] {HttpMethod.POST, "/challenges", new JsonObject().put("title", "Défi")},
        new Object[] {HttpMethod.POST, "/team", member("x@team.test", "owner")},
        new Object[] {HttpMethod.POST, "/copies", new JsonObject().put("name", "Copie")
            .put("days", new JsonArray().add("2028-03-16"))},
        new Object[] {HttpMethod.DELETE, "/team?email=edition@team.test", null});
    for (Object[] write : writes) {
      HttpResponse<Buffer> refused = call(staff, (HttpMethod) write[0], fair.base + write[1], (JsonObject) write[2]);
      assertEquals(403, refused.statusCode(), write[0] + " " + write[1] + ": " + refused.bodyAsString());
    }
    assertEquals("ROLE_REFUSED", call(staff, HttpMethod.POST, fair.base + "/venues", venue)
        .bodyAsJsonObject().getString("code"));
    assertEquals(201, call(editor, HttpMethod.POST, fair.base + "/venues", venue).statusCode());
  }

  /**
   * Every write of a fair that openapi.yaml opens to an organiser's token, except the check-ins
   * and room presences the staff are there for, sent by a staff member: each is 403 (before its
   * body is read).
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyDocumentedOrganiserWriteIsRefusedToStaff() throws Exception {
    Map<String, Map<String, Object>> paths;
    try (InputStream in = TeamTest.class.getResourceAsStream("/openapi.yaml")) {
      paths = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("paths");
    }
    List<String> tried = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
      if (!List.of("post", "put", "patch", "delete").contains(method) || !path.startsWith("/api/fairs/{fairSlug}")
          || path.contains("/check-ins") || path.contains("/presences") || !String.valueOf(((Map<String, Object>) operation).get("security"))
          .contains("{bearer=")) {
        return;
      }
      String concrete = fair.base + path.substring("/api/fairs/{fairSlug}".length()).replaceAll("\\{[^}]+}", "1");
      HttpResponse<Buffer> refused = call(staff, HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), concrete,
          new JsonObject());
      tried.add(method + " " + path);
      if (refused.statusCode() != 403) {
        answered.add(method + " " + path + " " + refused.statusCode() + ": " + refused.bodyAsString());
      }
    }));
    assertEquals(List.of(), answered, "writes not refused with 403");
    assertTrue(tried.size() >= 40, tried.toString());
  }

  @Test
  void anEditorChangesTheFairButNotItsTeam() {
    assertEquals(200, call(editor, HttpMethod.PATCH, fair.base + "/rooms/amphi", new JsonObject().put("capacity", 90))
        .statusCode());
    assertEquals(403, call(editor, HttpMethod.POST, fair.base + "/team", member("y@team.test", "staff")).statusCode());
  }

  @Test
  void someoneWithoutAnAccountAcceptsTheInvitationAndJoinsWithTheRoleOffered() {
    JsonObject invited = fair.create(fair.base + "/team", member("nouvelle@team.test", "staff"));
    assertEquals("invited", invited.getString("status"));
    Matcher link = INVITATION.matcher(fair.lastMessage("nouvelle@team.test", "team_invited").getString("body"));
    assertTrue(link.find());
    HttpResponse<Buffer> accepted = send(app.client().post("/api/team-invitations/" + link.group(1)),
        new JsonObject().put("name", "Nora Accueil").put("password", "un mot de passe sûr"));
    assertEquals(201, accepted.statusCode(), accepted.bodyAsString());
    String token = accepted.bodyAsJsonObject().getString("token");
    assertEquals(200, call(token, HttpMethod.GET, fair.base + "/bookings", null).statusCode());
    assertEquals(403, call(token, HttpMethod.PATCH, fair.base, new JsonObject().put("name", "X")).statusCode());
    assertEquals(404, send(app.client().post("/api/team-invitations/" + link.group(1)),
        new JsonObject().put("name", "Encore").put("password", "un mot de passe sûr")).statusCode());
  }

  @Test
  void someoneWhoMadeAnAccountSinceTheInvitationAcceptsWithTheirPassword() {
    fair.create(fair.base + "/team", member("depuis@team.test", "editor"));
    Matcher link = INVITATION.matcher(fair.lastMessage("depuis@team.test", "team_invited").getString("body"));
    assertTrue(link.find());
    app.organiserToken("depuis@team.test");
    HttpResponse<Buffer> wrong = send(app.client().post("/api/team-invitations/" + link.group(1)),
        new JsonObject().put("password", "pas le bon mot de passe"));
    assertEquals(401, wrong.statusCode(), wrong.bodyAsString());
    HttpResponse<Buffer> accepted = send(app.client().post("/api/team-invitations/" + link.group(1)),
        new JsonObject().put("password", TestApp.ORGANISER_PASSWORD));
    assertEquals(201, accepted.statusCode(), accepted.bodyAsString());
    String token = accepted.bodyAsJsonObject().getString("token");
    assertEquals(200, call(token, HttpMethod.PATCH, fair.base + "/rooms/amphi", new JsonObject().put("capacity", 80))
        .statusCode(), "an editor now");
  }

  @Test
  void theFairAlwaysKeepsAnOwner() {
    String owner = fair.slug + "@organiser.test";
    HttpResponse<Buffer> removed = call(fair.organiser, HttpMethod.DELETE, fair.base + "/team?email=" + owner, null);
    assertEquals(409, removed.statusCode(), removed.bodyAsString());
    assertEquals("LAST_OWNER", removed.bodyAsJsonObject().getString("code"));
    assertEquals(409, call(fair.organiser, HttpMethod.POST, fair.base + "/team", member(owner, "editor")).statusCode());
    assertEquals(404, call(fair.organiser, HttpMethod.DELETE, fair.base + "/team?email=nobody@team.test", null)
        .statusCode());
  }

  @Test
  void someoneOutsideTheTeamIsRefused() {
    String stranger = app.organiserToken("autre@team.test");
    assertEquals(403, call(stranger, HttpMethod.GET, fair.base + "/bookings", null).statusCode());
    assertEquals(403, call(stranger, HttpMethod.GET, fair.base + "/team", null).statusCode());
  }
}
