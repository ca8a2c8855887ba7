package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.booking.CheckInCode;
import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's setup, offers and grid pages over plain HTTP: only for the fair's owner, forms without JavaScript. */
class AdminPagesTest extends ServerTest {

  private static AssociationApi own;
  private static String session;

  @BeforeAll
  static void twoOrganisers() {
    own = new AssociationApi(app, "salon-a");
    new AssociationApi(app, "salon-b");
    HttpResponse<Buffer> signedIn = PageForms.post(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", "salon-a@organiser.test").add("password", TestApp.ORGANISER_PASSWORD));
    String cookie = signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin=")).findFirst().orElseThrow();
    session = cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void anotherOrganisersFairIsForbidden() {
    for (String page : List.of("offers", "programme", "settings", "resources/rooms", "attendance")) {
      assertEquals(200, get("/admin/fairs/salon-a/" + page).statusCode(), page);
      assertEquals(403, get("/admin/fairs/salon-b/" + page).statusCode(), page);
    }
    assertEquals(404, get("/admin/fairs/salon-a/resources/sessions").statusCode(), "sessions are placed on the grid");
  }

  @Test
  void theEntranceOfAnotherOrganisersFairIsForbiddenAndAnUnknownCodeIsSaidNextToItsField() {
    assertEquals(200, get("/staff/fairs/salon-a/check-in").statusCode());
    assertEquals(403, get("/staff/fairs/salon-b/check-in").statusCode());
    String noClass = CheckInCode.of(999_999);
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("code", noClass).add("pupils", "20")
        .add("adults", "2");
    assertEquals(403, post("/staff/fairs/salon-b/check-in", form).statusCode());
    assertEquals(403, post("/staff/fairs/salon-b/check-in/undo", form).statusCode());
    assertEquals(404, post("/staff/fairs/no-such-fair/check-in", form).statusCode());
    assertEquals(403, postFromQueue("/staff/fairs/salon-b/check-in", form).statusCode(),
        "a phone's queue is refused the fair, not told of a wrong code");
    assertEquals(403, postFromQueue("/staff/fairs/salon-b/check-in", form.copy().remove("adults")).statusCode(),
        "nor of a missing headcount");
    HttpResponse<Buffer> unknown = post("/staff/fairs/salon-a/check-in", form);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains(noClass), "the page comes back with what was typed");
  }

  @Test
  void aRefusedFormComesBackWithTheErrorNextToItsField() {
    HttpResponse<Buffer> refused = post("/admin/fairs/salon-a/resources/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("slug", "amphi").add("name", "Amphi").add("venue", "hotel").add("kind", "conference")
        .add("capacity", "0"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("id=\"e-rooms-capacity\""), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("doit valoir au moins 1"), "the problem is said in French");
    assertTrue(refused.bodyAsString().contains("value=\"amphi\""), "what was typed is shown again");

    HttpResponse<Buffer> created = post("/admin/fairs/salon-a/resources/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("slug", "amphi").add("name", "Amphi").add("venue", "hotel").add("kind", "conference")
        .add("capacity", "120"));
    assertEquals(303, created.statusCode(), created.bodyAsString());
    assertTrue(get("/admin/fairs/salon-a/resources/rooms").bodyAsString().contains("Amphi"));
    assertEquals(120, await(app.pool().query("SELECT capacity FROM rooms WHERE slug = 'amphi'").execute())
        .iterator().next().getInteger(0));
  }

  @Test
  void theGuidedSetUpCreatesTheFairAndItsGridThenTheGridIsAdjustedInOneForm() {
    HttpResponse<Buffer> refused = post("/admin/fairs/new", MultiMap.caseInsensitiveMultiMap()
        .add("name", "").add("city", "Poitiers").add("day0.date", "2027-03-18").add("day0.opens_at", "09:00")
        .add("day0.closes_at", "17:30").add("talk_minutes", "30").add("changeover_minutes", "10")
        .add("lunch_from", "12:30").add("lunch_to", "12:00"));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("id=\"e-name\"") && refused.bodyAsString().contains("id=\"e-lunch_to\""),
        "both refusals next to their fields at once");
    assertEquals(0, count("SELECT count(*) FROM fairs WHERE city = 'Poitiers'"), "nothing created");

    HttpResponse<Buffer> created = post("/admin/fairs/new", MultiMap.caseInsensitiveMultiMap()
        .add("name", "Salon de Poitiers 2027").add("city", "Poitiers").add("day0.date", "2027-03-18")
        .add("day0.opens_at", "09:00").add("day0.closes_at", "17:30").add("talk_minutes", "30")
        .add("changeover_minutes", "10").add("lunch_from", "12:30").add("lunch_to", "13:30").add("slug", ""));
    assertEquals(303, created.statusCode(), created.bodyAsString());
    assertEquals("/admin/fairs/salon-de-poitiers-2027/grid", created.getHeader("Location"), "the slug made from the name");
    assertEquals(11, count("SELECT count(*) FROM slots s JOIN fairs f ON f.id = s.fair_id WHERE f.slug = 'salon-de-poitiers-2027'"));
    String grid = get("/admin/fairs/salon-de-poitiers-2027/grid").bodyAsString();
    assertTrue(grid.contains("value=\"09:00\"") && grid.contains("value=\"13:30\"") && grid.contains("value=\"16:50\""),
        "local times, the afternoon after lunch: " + grid);

    long first = count("SELECT min(s.id) FROM slots s JOIN fairs f ON f.id = s.fair_id WHERE f.slug = 'salon-de-poitiers-2027'");
    HttpResponse<Buffer> overlapping = post("/admin/fairs/salon-de-poitiers-2027/grid", MultiMap.caseInsensitiveMultiMap()
        .add("slot" + first + ".starts_at", "09:00").add("slot" + first + ".ends_at", "09:50"));
    assertEquals(409, overlapping.statusCode(), overlapping.bodyAsString());
    assertTrue(overlapping.bodyAsString().contains("id=\"e-slot" + first + "-start\""), "the refusal next to its row");

    HttpResponse<Buffer> saved = post("/admin/fairs/salon-de-poitiers-2027/grid", MultiMap.caseInsensitiveMultiMap()
        .add("slot" + first + ".remove", "on").add("slot" + (first + 1) + ".starts_at", "09:00")
        .add("slot" + (first + 1) + ".ends_at", "09:30").add("new2027-03-18.starts_at", "17:20")
        .add("new2027-03-18.ends_at", "17:30"));
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals(11, count("SELECT count(*) FROM slots s JOIN fairs f ON f.id = s.fair_id WHERE f.slug = 'salon-de-poitiers-2027'"));
    assertEquals(0, count("SELECT count(*) FROM slots WHERE id = " + first));
    assertTrue(get("/admin/fairs/salon-de-poitiers-2027/grid").bodyAsString().contains("value=\"17:20\""), "moved and added");
  }

  @Test
  void roomsComeInBulkFromATableOrAPasteAndStandsAsRowsTimesColumns() {
    HttpResponse<Buffer> refused = post("/admin/fairs/salon-a/places/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("r0.row", "1").add("r0.name", "Salle 101").add("r0.venue", "hotel").add("r0.kind", "workshop")
        .add("r0.capacity", "32").add("r0.screen", "on")
        .add("r1.row", "1").add("r1.name", "Salle 102").add("r1.venue", "hotel").add("r1.kind", "workshop")
        .add("r1.capacity", "0").add("r2.row", "1"));
    assertEquals(422, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("id=\"e-row-1\"") && !refused.bodyAsString().contains("id=\"e-row-0\""),
        "the problem under its row: " + refused.bodyAsString());
    assertEquals(0, count("SELECT count(*) FROM rooms WHERE name LIKE 'Salle 10%'"), "all or nothing");

    HttpResponse<Buffer> saved = post("/admin/fairs/salon-a/places/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("r0.row", "1").add("r0.name", "Salle 101").add("r0.venue", "hotel").add("r0.kind", "workshop")
        .add("r0.capacity", "32").add("r0.screen", "on")
        .add("r1.row", "1").add("r1.name", "Salle 102").add("r1.venue", "hotel").add("r1.kind", "workshop")
        .add("r1.capacity", "30").add("r1.accessible", "on").add("r2.row", "1"));
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals(1, count("SELECT count(*) FROM rooms WHERE slug = 'salle-102' AND accessible AND NOT screen"));

    HttpResponse<Buffer> preview = post("/admin/fairs/salon-a/places/rooms/paste", MultiMap.caseInsensitiveMultiMap()
        .add("csv", "Nom;Lieu;Type;Capacité;Écran\nSalle 201;Hôtel de Région;atelier;28;oui\nSalle 202;Ailleurs;atelier;x;non\n")
        .add("apply", "false"));
    assertEquals(200, preview.statusCode(), preview.bodyAsString());
    assertTrue(preview.bodyAsString().contains("data-line=\"3\""), "the bad line named: " + preview.bodyAsString());
    assertEquals(0, count("SELECT count(*) FROM rooms WHERE slug = 'salle-201'"), "a preview changes nothing");
    HttpResponse<Buffer> imported = post("/admin/fairs/salon-a/places/rooms/paste", MultiMap.caseInsensitiveMultiMap()
        .add("csv", "Nom;Lieu;Type;Capacité;Écran\nSalle 201;Hôtel de Région;atelier;28;oui\n").add("apply", "true"));
    assertEquals(303, imported.statusCode(), imported.bodyAsString());
    assertEquals(1, count("SELECT count(*) FROM rooms WHERE slug = 'salle-201' AND screen"));

    HttpResponse<Buffer> laidOut = post("/admin/fairs/salon-a/places/stand-spots/layout", MultiMap.caseInsensitiveMultiMap()
        .add("zone", "").add("zone_name", "Hall B").add("venue", "hotel").add("rows", "2").add("columns", "3")
        .add("width", "3").add("depth", "2").add("aisle", "1,5").add("first", "1").add("prefix", "B").add("power", "on"));
    assertEquals(303, laidOut.statusCode(), laidOut.bodyAsString());
    assertEquals(6, count("SELECT count(*) FROM stand_spots s JOIN zones z ON z.id = s.zone_id WHERE z.slug = 'hall-b'"));
    assertEquals(1, count("SELECT count(*) FROM stand_spots WHERE number = 'B6' AND x = 9 AND y = 3.5 AND power"));
    String spots = get("/admin/fairs/salon-a/places/stand-spots").bodyAsString();
    assertTrue(spots.contains("value=\"B6\""), "the spots in the table to adjust");
  }

  private static long count(String sql) {
    return await(app.pool().query(sql).execute()).iterator().next().getLong(0);
  }

  private static HttpResponse<Buffer> get(String path) {
    return await(app.client().get(path).putHeader("Cookie", session).putHeader("Accept", "text/html")
        .followRedirects(false).send());
  }

  /** As the entrance page's offline queue sends a check-in. */
  private static HttpResponse<Buffer> postFromQueue(String path, MultiMap form) {
    String token = PageForms.csrfToken(app);
    return await(app.client().post(path).putHeader("Cookie", "csrf=" + token + "; " + session)
        .putHeader("Accept", "application/json").followRedirects(false).sendForm(form.set("csrf", token)));
  }

  private static HttpResponse<Buffer> post(String path, MultiMap form) {
    String token = PageForms.csrfToken(app);
    return await(app.client().post(path).putHeader("Cookie", "csrf=" + token + "; " + session)
        .putHeader("Accept", "text/html").followRedirects(false).sendForm(form.set("csrf", token)));
  }
}
