package fr.parcours;

import fr.parcours.association.AssociationApi;
import fr.parcours.config.Settings;
import fr.parcours.calendar.FoldingTest;
import fr.parcours.demo.DemoFair;
import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every page of the demo fair (visitor, teacher, association, organiser) and posts bad
 * forms to see each refusal, in French and in English: a French page holding an English
 * sentence fails, and the reverse. The words of the fair's own data (titles, names) are
 * what they are in any language and are not counted.
 */
class PageLanguageTest extends ServerTest {

  private static final String FAIR = "/fairs/" + DemoFair.SLUG;
  /** Words that only an English sentence holds. */
  private static final Set<String> ENGLISH = Set.of("the", "is", "are", "must", "be", "of", "and", "with", "your",
      "this", "has", "have", "already", "cannot", "not", "been", "will", "should", "which", "there", "please",
      "required", "found", "people", "pupils", "after", "before", "between", "only", "than", "from", "sign", "choose",
      "left", "booking", "waiting", "list", "free", "full", "day", "time", "room", "track", "you");
  /** Words that only a French sentence holds. */
  private static final Set<String> FRENCH = Set.of("est", "une", "pour", "avec", "vous", "votre", "vos", "doit",
      "être", "pas", "aux", "sur", "dans", "obligatoire", "déjà", "l", "d", "n", "qu", "les", "des", "du", "le", "la",
      "au", "ou", "et", "salle", "parcours", "inscription", "créneau", "séance", "séances", "élèves", "jour", "heure");
  private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
  private static final Pattern HIDDEN = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->");
  private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("(?:placeholder|title|aria-label|alt)=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(T[0-9:+]*)?\\b");

  private static Set<String> dataWords;
  private static String bookingToken;
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
    bookingToken = booked.bodyAsJsonObject().getString("token");
    associationCookie = "; parcours_association="
        + AssociationApi.of(app, DemoFair.SLUG).signedIn("Les Jardiniers", "jardiniers@example.org");
    HttpResponse<Buffer> signedIn = PageForms.postInLanguage(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", app.config().get(Settings.DEMO_ORGANISER_EMAIL)).add("password", app.config().get(Settings.DEMO_ORGANISER_PASSWORD)), "fr", "");
    adminCookie = "; " + signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError(signedIn.cookies()));
    dataWords = words(programme + booking.encode() + " Les Jardiniers " + app.config().get(Settings.DEMO_ORGANISER_EMAIL));
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
    Set<String> foreign = language.equals("fr") ? ENGLISH : FRENCH;
    List<String> found = new ArrayList<>();
    pages.forEach((page, html) -> {
      String text = visibleText(html);
      Set<String> words = new TreeSet<>(words(text));
      words.retainAll(foreign);
      words.removeAll(dataWords);
      words.forEach(word -> found.add(page + ": \"" + word + "\" in …" + around(text, word) + "…"));
    });
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
    return List.of("/", FAIR, FAIR + session, FAIR + "/selection", FAIR + "/book", "/manage/" + bookingToken,
        "/manage/" + bookingToken + "/print", "/associations", "/associations?fair=" + DemoFair.SLUG, "/admin",
        "/no-such-page", "/manage/no-such-booking");
  }

  private static List<String> associationPages() {
    return List.of("/associations/me", "/associations/me/stands", "/associations/me/offers/new");
  }

  private static List<String> adminPages() {
    String fair = "/admin/fairs/" + DemoFair.SLUG;
    List<String> pages = new ArrayList<>(List.of("/admin", fair, fair + "/settings", "/admin/fairs/new",
        fair + "/offers", fair + "/programme", fair + "/grid",
        fair + "/places/rooms", fair + "/places/stand-spots", fair + "/places/tracks", fair + "/team", fair + "/copy",
        "/admin/invitations/no-such-link"));
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
    String cookies = path.startsWith("/admin/fairs") ? adminCookie : path.startsWith("/associations/me") ? associationCookie : "";
    HttpResponse<Buffer> answer = PageForms.postInLanguage(app, path.replaceFirst("#.*", ""), form, language, cookies);
    assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + " answered " + answer.statusCode());
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

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(word.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static String around(String text, String word) {
    Matcher m = Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text);
    if (!m.find()) {
      return word;
    }
    return text.substring(Math.max(0, m.start() - 50), Math.min(text.length(), m.end() + 50));
  }
}
