package fr.parcours.admin;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.PageForms;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's owner invites someone to the team as staff from the team page; the invitee opens
 * the mailed link (read from the outbox), chooses a name and a password and joins; as staff they
 * see the team and the lists and check a class in, and every write page of the fair is refused.
 */
class TeamPagesBrowserTest extends DemoBrowserTest {

  private static final Pattern LINK = Pattern.compile("(/admin/invitations/[A-Za-z0-9_-]+)");
  private static final String INVITED = "accueil.jour@parcours.test";

  @Test
  void anInviteeJoinsAsStaffThroughTheMailedLinkAndMayCheckInButChangeNothing() {
    JsonObject booking = book("0330401A", "3e Équipe", "s-orienter", 25, "09:00", "12:00");
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));

    browser.get(url("/admin/fairs/" + DEMO));
    Browser.clickAndWaitForPage(browser, By.id("nav-team"));
    Browser.clickAndWaitForPage(browser, By.id("invite-submit"));
    assertTrue(browser.findElement(By.cssSelector("#errors li[data-field='email']")).isDisplayed(),
        "a missing address is said next to its field");
    browser.findElement(By.id("f-email")).sendKeys(INVITED);
    new Select(browser.findElement(By.id("f-role"))).selectByValue("staff");
    Browser.clickAndWaitForPage(browser, By.id("invite-submit"));
    assertTrue(browser.findElement(By.id("saved")).getText().contains(INVITED));
    assertTrue(browser.findElement(By.cssSelector("#team tr[data-email='" + INVITED + "']")).getText()
        .contains("invitation envoyée"));
    screenshot("team-1-invited");

    String link = invitationLink();
    browser.manage().deleteAllCookies();
    browser.get(url(link + "?lang=fr"));
    assertEquals(INVITED, browser.findElement(By.id("invitation-email")).getText());
    assertTrue(browser.findElement(By.id("invitation-role")).getText().startsWith("accueil"));
    browser.findElement(By.id("f-name")).sendKeys("Inès Accueil");
    browser.findElement(By.id("f-password")).sendKeys("court");
    Browser.clickAndWaitForPage(browser, By.id("accept-submit"));
    assertTrue(browser.findElement(By.id("e-password")).getText().contains("10"), "too short, said next to it");
    browser.findElement(By.id("f-password")).sendKeys("un mot de passe sûr");
    screenshot("team-2-invitation");
    Browser.clickAndWaitForPage(browser, By.id("accept-submit"));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/" + DEMO), browser.getCurrentUrl());

    browser.get(url("/admin/fairs/" + DEMO + "/team"));
    assertTrue(browser.findElements(By.id("invite-form")).isEmpty(), "staff may not change the team");
    assertTrue(browser.findElement(By.id("owner-only")).isDisplayed());
    assertTrue(browser.findElement(By.cssSelector("#team tr[data-email='" + INVITED + "']")).getText().contains("accueil"));
    screenshot("team-3-staff");

    browser.get(url("/staff/fairs/" + DEMO + "/check-in?lang=fr"));
    browser.findElement(By.id("f-code")).sendKeys(booking.getJsonObject("check_in").getString("code"));
    for (String[] count : new String[][] {{"f-pupils", "25"}, {"f-adults", "2"}}) {
      browser.findElement(By.id(count[0])).clear();
      browser.findElement(By.id(count[0])).sendKeys(count[1]);
    }
    Browser.clickAndWaitForPage(browser, By.id("check-in-submit"));
    assertEquals("Arrivée enregistrée.", browser.findElement(By.id("notice")).getText());

    browser.get(url("/admin/fairs/" + DEMO + "/settings"));
    assertTrue(browser.getPageSource().contains("ne permet pas cette modification"), "the settings page is refused");
    assertEquals(List.of(), writesNotRefused("parcours_admin=" + browser.manage().getCookieNamed("parcours_admin")
        .getValue()));

    browser.manage().deleteAllCookies();
    browser.get(url(link + "?lang=fr"));
    assertTrue(browser.findElement(By.id("invitation-gone")).getText().contains("connectez-vous"), "a used link says so");
    browser.get(url(link + "?lang=en"));
    assertTrue(browser.findElement(By.id("invitation-gone")).getText().contains("sign in"));
  }

  /** Every form of the fair's organiser pages, posted with the staff member's session: each must be 403. */
  private static List<String> writesNotRefused(String session) {
    String fair = "/admin/fairs/" + DEMO;
    List<String> answered = new ArrayList<>();
    for (String path : List.of("/settings", "/status", "/grid", "/places/rooms", "/places/rooms/paste",
        "/places/stand-spots/layout", "/resources/tracks", "/resources/tracks/s-orienter", "/copy", "/team",
        "/team/remove", "/offers/1/review", "/programme/offers/1/place", "/programme/offers/1/unplace", "/plan",
        "/plan/1/stop", "/plan/1/apply")) {
      HttpResponse<Buffer> response = PageForms.postSignedIn(app, fair + path, MultiMap.caseInsensitiveMultiMap()
          .add("name", "Autre").add("email", "demo@parcours.local").add("role", "staff"), session);
      if (response.statusCode() != 403) {
        answered.add(path + " " + response.statusCode());
      }
    }
    return answered;
  }

  private static String invitationLink() {
    String body = await(app.pool().preparedQuery("SELECT body FROM outbox WHERE recipient = $1 AND kind = 'team_invited' "
        + "ORDER BY id DESC LIMIT 1").execute(Tuple.of(INVITED))).iterator().next().getString("body");
    Matcher link = LINK.matcher(body);
    assertTrue(link.find(), body);
    return link.group(1);
  }
}
