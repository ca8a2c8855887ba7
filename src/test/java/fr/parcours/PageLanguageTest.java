package fr.parcours;

import fr.parcours.association.AssociationApi;
import fr.parcours.config.Settings;
import fr.parcours.calendar.FoldingTest;
import fr.parcours.demo.DemoFair;
import fr.parcours.support.LanguageCheck;
import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every page of the demo fair (visitor, teacher, association, organiser: set-up, plan,
 * check-in and attendance included) and posts bad forms to see each refusal, in French and in
 * English: a French page holding an English sentence fails, and the reverse. The check is
 * {@link LanguageCheck}, the one emails use: the fair's own data (titles, names, addresses) is
 * cut out as whole phrases first, so a word of it still counts anywhere else.
 */
class PageLanguageTest extends ServerTest {

  private static final String FAIR = "/fairs/" + DemoFair.SLUG;
  /** Foreign words listed per page at most: the first ones say what to fix. */
  private static final int MOST_SHOWN = 3;
  private static final Pattern HIDDEN = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->");
  private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("(?:placeholder|title|aria-label|alt)=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(T[0-9:+]*)?\\b");

  private static List<String> data;
  private static String bookingToken;
  private static long offerId;
  private static String associationCookie;
  private static String adminCookie;

  @BeforeAll
  static void demoFairWithABookingAnAssociationAndAnOrganiser() {
    await(Bootstrap.demo(app.application().services()));
    String programme = send(app.client().get("/api/fairs/" + DemoFair.SLUG), null).bodyAsString();
    JsonObject booking = new JsonObject()
        .put("school", new JsonObject().put("name", "Collège Montaigne").put("uai", "0330100X").put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "M. Petit").put("email", "petit@example.org"))
        .put("class", new JsonObject().put("name", "3e B").put("level", "3e"))
        .put("pupils", 26).put("adults", 2).put("track", "preserver-la-planete").put("arrival", "09:00")
        .put("departure", "12:00");
    HttpResponse<Buffer> booked = await(app.client().post("/api/fairs/" + DemoFair.SLUG + "/bookings")
        .putHeader("Idempotency-Key", "language-test").sendJsonObject(booking));
    assertTrue(booked.statusCode() == 201 || booked.statusCode() == 202, booked.bodyAsString());
    String manage = booked.bodyAsJsonObject().getString("manage_url");
    bookingToken = manage.substring(manage.lastIndexOf('/') + 1);
    associationCookie = "; parcours_association="
        + AssociationApi.of(app, DemoFair.SLUG).signedIn("Les Jardiniers", "jardiniers@example.org");
    HttpResponse<Buffer> signedIn = PageForms.postInLanguage(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", app.config().get(Settings.DEMO_ORGANISER_EMAIL)).add("password", app.config().get(Settings.DEMO_ORGANISER_PASSWORD)), "fr", "");
    adminCookie = "; " + signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError(signedIn.cookies()));
    data = new ArrayList<>(List.of("Parcours", "Les Jardiniers", "jardiniers@example.org",
        app.config().get(Settings.DEMO_ORGANISER_EMAIL)));
    strings(new JsonObject(programme), data);
    strings(send(app.client().get("/api/fairs/" + DemoFair.SLUG + "/challenges"), null).bodyAsJson(Object.class), data);
    strings(booking, data);
    offerId = AssociationApi.of(app, DemoFair.SLUG).propose(associationCookie.substring(associationCookie.indexOf('=') + 1),
        new JsonObject().put("kind", "workshop").put("theme", "preserver-la-planete").put("title", "Jardiner en ville")
            .put("people", 2).put("duration_minutes", 40).put("availability", new JsonArray().add(new JsonObject()
                .put("starts_at", "2027-03-18T09:00:00+01:00").put("ends_at", "2027-03-18T12:00:00+01:00"))));
    data.add("Jardiner en ville");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void everyPageAndRefusalSpeaksOneLanguage(String language) {
    Map<String, String> pages = new LinkedHashMap<>();
    visitorPages().forEach(path -> pages.put("GET " + path, get(path, language, "")));
    associationPages().forEach(path -> pages.put("GET " + path, get(path, language, associationCookie)));
    adminPages().forEach(path -> pages.put("GET " + path, get(path, language, adminCookie)));
    refusals().forEach((path, form) -> pages.put("POST " + path + " " + form.entries(),
        post(path, form, language)));
    List<String> found = new ArrayList<>();
    pages.forEach((page, html) -> LanguageCheck.foreignWords(visibleText(html), language, data).stream()
        .limit(MOST_SHOWN).forEach(word -> found.add(page + ": " + word)));
    assertTrue(found.isEmpty(), "Words of the other language on " + language + " pages:\n" + String.join("\n", found));
  }

  /** Dates and times on the visitors', teachers' and associations' pages are written as people write them. */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void pagesWriteNoIsoDates(String language) {
    List<String> found = new ArrayList<>();
    visitorPages().forEach(path -> isoDates(path, get(path, language, ""), found));
    associationPages().forEach(path -> isoDates(path, get(path, language, associationCookie), found));
    assertTrue(found.isEmpty(), "ISO dates on " + language + " pages:\n" + String.join("\n", found));
  }

  private static void isoDates(String path, String html, List<String> found) {
    Matcher iso = ISO_DATE.matcher(visibleText(html));
    while (iso.find()) {
      found.add(path + ": " + iso.group());
    }
  }

  @Test
  void theDemoFeedIsFoldedByOctetsAndUnfoldsBack() {
    HttpResponse<Buffer> feed = await(app.client().get("/calendars/fairs/" + DemoFair.SLUG + ".ics").send());
    assertEquals(200, feed.statusCode());
    String ics = feed.bodyAsString("UTF-8");
    FoldingTest.assertEachLineFits(ics);
    String unfolded = FoldingTest.unfold(ics);
    assertTrue(unfolded.contains("Préserver la planète"), "accented text unfolds back whole");
    assertTrue(unfolded.lines().anyMatch(line -> line.length() > 75), "the demo has long lines to fold");
  }

  private static List<String> visitorPages() {
    String session = "/sessions/" + send(app.client().get("/api/fairs/" + DemoFair.SLUG), null).bodyAsJsonObject()
        .getJsonArray("sessions").getJsonObject(0).getLong("id");
    return List.of("/", FAIR, FAIR + session, FAIR + "/selection", FAIR + "/book", FAIR + "/draw", "/manage/" + bookingToken,
        "/manage/" + bookingToken + "/print", "/associations", "/associations?fair=" + DemoFair.SLUG, "/admin",
        "/no-such-page", "/manage/no-such-booking", "/associations/sign-in/no-such-link",
        "/associations/rejoin/no-such-invitation");
  }

  private static List<String> associationPages() {
    return List.of("/associations/me", "/associations/me/stands", "/associations/me/offers/new",
        "/associations/me/offers/" + offerId);
  }

  private static List<String> adminPages() {
    String fair = "/admin/fairs/" + DemoFair.SLUG;
    List<String> pages = new ArrayList<>(List.of("/admin", fair, fair + "/settings", "/admin/fairs/new",
        fair + "/offers", fair + "/programme", fair + "/grid", fair + "/copy", fair + "/plan", fair + "/allocations",
        fair + "/attendance", "/staff/fairs/" + DemoFair.SLUG + "/check-in",
        fair + "/places/rooms", fair + "/places/stand-spots", fair + "/places/venues", "/admin/fairs/no-such-fair",
        fair + "/places/tracks", fair + "/team", "/admin/invitations/no-such-link", fair + "/booking-rules"));
    List.of("venues", "tracks", "rooms", "zones", "stand-spots", "slots").forEach(kind -> pages.add(fair + "/resources/" + kind));
    return pages;
  }

  /** Bad forms, each refused next to its fields. */
  private static Map<String, MultiMap> refusals() {
    Map<String, MultiMap> forms = new LinkedHashMap<>();
    forms.put(FAIR + "/book", form("school.name", "Collège", "school.uai", "12", "school.city", "Bordeaux",
        "teacher.name", "M. Petit", "teacher.email", "petit", "class.name", "3e C", "class.level", "3e",
        "pupils", "0", "adults", "0", "track", "preserver-la-planete", "arrival", "12:00", "departure", "09:00"));
    forms.put(FAIR + "/book#window", form("school.name", "Collège", "school.uai", "0330100X", "school.city", "Bordeaux",
        "teacher.name", "M. Petit", "teacher.email", "petit@example.org", "class.name", "3e D", "class.level", "3e",
        "pupils", "400", "adults", "30", "track", "preserver-la-planete", "arrival", "09:00", "departure", "09:30"));
    forms.put("/manage/" + bookingToken, form("arrival", "12:00", "departure", "09:00"));
    forms.put("/admin/login", form("email", "", "password", ""));
    forms.put("/admin/fairs/new", form("name", "", "city", "", "day0.date", "2027-03-18", "day0.opens_at", "09:00",
        "day0.closes_at", "09:10", "talk_minutes", "30", "lunch_from", "12:30", "lunch_to", ""));
    forms.put(FAIR.replace("/fairs/", "/admin/fairs/") + "/places/rooms", form("r0.row", "1", "r0.name", "Salle", "r0.capacity", "0"));
    forms.put(FAIR.replace("/fairs/", "/admin/fairs/") + "/places/stand-spots/layout", form("rows", "0", "columns", "x"));
    String admin = FAIR.replace("/fairs/", "/admin/fairs/");
    forms.put(admin + "/settings", form("name", "", "city", "", "slug", "Pas un slug", "time_zone", "Lune/Mer",
        "day0.date", "2027-03-18", "day0.opens_at", "17:00", "day0.closes_at", "09:00",
        "registration_opens_at", "2027-03-01T09:00", "registration_closes_at", "2027-01-01T09:00",
        "changeover_minutes", "-5"));
    forms.put(admin + "/copy", form("name", "", "city", "", "slug", "Pas un slug", "day0", ""));
    forms.put(admin + "/resources/tracks", form("slug", "", "name", "", "class_size", "zéro"));
    forms.put(admin + "/resources/slots", form("starts_at", "2027-03-18T12:00", "ends_at", "2027-03-18T09:00"));
    forms.put(admin + "/places/rooms/paste", form("text", "Salle;zéro;;"));
    forms.put(admin + "/offers/" + offerId + "/review", form("decision", "decline", "message", ""));
    forms.put(admin + "/programme/offers/" + offerId + "/place", form("room", "", "slot", ""));
    forms.put(admin + "/plan", form("seconds", "0"));
    forms.put(admin + "/allocations", form("seed", "soon"));
    forms.put(admin + "/booking-rules", form("pupils_per_adult", "0", "max_classes_per_school", "deux", "levels", "3e"));
    forms.put(admin + "/booking-rules#levels", form("pupils_per_adult", "15"));
    forms.put("/staff/fairs/" + DemoFair.SLUG + "/check-in", form("code", "PAS-UN-CODE", "idempotency_key", "k1",
        "pupils", "-1", "adults", "x"));
    forms.put("/manage/" + bookingToken + "/challenge", form("slot", "999999"));
    forms.put("/associations/me/offers", form("kind", "", "title", "", "people", "0"));
    forms.put("/associations/me/stands", form("idempotency_key", "k2", "day", "2027-03-18", "period", "morning",
        "spot", "Z99"));
    forms.put("/associations/me/stands#period", form("idempotency_key", "k3", "day", "2027-03-18", "period", "noon"));
    forms.put("/associations/sign-in/no-such-link", form());
    forms.put(FAIR.replace("/fairs/", "/admin/fairs/") + "/places/tracks", form("r0.row", "1", "r0.name", "Pâle",
        "r0.color", "#ffeb3b", "r0.levels", "3e"));
    forms.put(FAIR.replace("/fairs/", "/admin/fairs/") + "/team", form("email", "nope", "role", ""));
    forms.put("/associations/sign-in", form("fair", DemoFair.SLUG, "email", ""));
    forms.put("/associations/register", form("fair", DemoFair.SLUG, "name", "", "contact.email", "nope"));
    return forms;
  }

  private static String get(String path, String language, String cookies) {
    HttpResponse<Buffer> page = await(app.client().get(path).putHeader("Accept", "text/html")
        .putHeader("Accept-Language", language).putHeader("Cookie", "x=y" + cookies).send());
    assertTrue(page.statusCode() < 500, path + " answered " + page.statusCode());
    return page.bodyAsString();
  }

  private static String post(String path, MultiMap form, String language) {
    String cookies = path.startsWith("/admin/fairs") || path.startsWith("/staff") ? adminCookie
        : path.startsWith("/associations/me") ? associationCookie : "";
    HttpResponse<Buffer> answer = PageForms.postInLanguage(app, path.replaceFirst("#.*", ""), form, language, cookies);
    assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + " answered " + answer.statusCode()
        + ": " + answer.bodyAsString());
    return answer.bodyAsString();
  }

  private static MultiMap form(String... pairs) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  /** What a reader sees: text and the attributes read aloud or shown (placeholder, title, label, alt). */
  static String visibleText(String html) {
    String shown = HIDDEN.matcher(html).replaceAll(" ");
    StringBuilder text = new StringBuilder();
    Matcher attribute = SHOWN_ATTRIBUTE.matcher(shown);
    while (attribute.find()) {
      text.append(' ').append(attribute.group(1));
    }
    text.append(' ').append(TAG.matcher(shown).replaceAll(" "));
    return text.toString().replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&#x3D;", "=").replaceAll("\\s+", " ");
  }

  /** Every text of {@code json} (the fair's data: titles, names, addresses), into {@code into}. */
  private static void strings(Object json, List<String> into) {
    if (json instanceof JsonObject object) {
      object.forEach(entry -> strings(entry.getValue(), into));
    } else if (json instanceof JsonArray array) {
      array.forEach(item -> strings(item, into));
    } else if (json instanceof String text) {
      into.add(text);
    }
  }
}
