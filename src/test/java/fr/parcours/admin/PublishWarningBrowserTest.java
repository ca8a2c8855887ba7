package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static fr.parcours.association.AssociationApi.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair with nothing to book says so next to its publish button, naming what is missing with a
 * link to the page that adds it; it may still be published ("anyway"), and the warning stays
 * until the fair has rooms and sessions. In French and in English.
 */
class PublishWarningBrowserTest extends DemoBrowserTest {

  @Test
  void aFairWithoutSessionsWarnsBeforeItIsPublishedInFrench() {
    AssociationApi fair = new AssociationApi(app, "salon-vide");
    settings(fair, "fr");
    assertTrue(warning().startsWith("Le salon est publié, mais les classes ne peuvent rien réserver"), warning());
    Browser.clickAndWaitForPage(browser, By.id("unpublish"));

    assertEquals(List.of("missing-rooms", "missing-sessions"), missing(), "the fair has a track, nothing else");
    assertTrue(warning().contains("des séances au programme"), warning());
    assertEquals("Publier quand même", browser.findElement(By.id("publish")).getText());
    screenshot("admin-publish-warning-fr");
    Browser.clickAndWaitForPage(browser, By.id("missing-sessions"));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/salon-vide/programme"), browser.getCurrentUrl());

    settings(fair, "fr");
    Browser.clickAndWaitForPage(browser, By.id("publish"));
    assertFalse(browser.findElements(By.id("unpublish")).isEmpty(), "published anyway");
    assertTrue(warning().startsWith("Le salon est publié, mais"), warning());

    withARoomAndASession(fair);
    settings(fair, "fr");
    assertTrue(browser.findElements(By.id("publish-warning")).isEmpty(), "nothing missing, nothing said");
  }

  @Test
  void aFairWithoutSessionsWarnsBeforeItIsPublishedInEnglish() {
    AssociationApi fair = new AssociationApi(app, "empty-fair");
    settings(fair, "en");
    Browser.clickAndWaitForPage(browser, By.id("unpublish"));
    assertTrue(warning().startsWith("Classes cannot book anything while this is missing:"), warning());
    assertTrue(warning().contains("rooms, where sessions take place"), warning());
    assertEquals("Publish anyway", browser.findElement(By.id("publish")).getText());
    screenshot("admin-publish-warning-en");

    withARoomAndASession(fair);
    settings(fair, "en");
    assertTrue(browser.findElements(By.id("publish-warning")).isEmpty(), "nothing missing, nothing said");
    assertEquals("Publish the fair", browser.findElement(By.id("publish")).getText());
  }

  private void settings(AssociationApi fair, String language) {
    if (browser.findElements(By.id("nav-settings")).isEmpty()) {
      browser.get(url("/admin?lang=" + language));
      browser.findElement(By.id("f-email")).sendKeys(fair.slug + "@organiser.test");
      browser.findElement(By.id("f-password")).sendKeys(TestApp.ORGANISER_PASSWORD);
      Browser.clickAndWaitForPage(browser, By.id("login-submit"));
    }
    browser.get(url("/admin/fairs/" + fair.slug + "/settings?lang=" + language));
  }

  private String warning() {
    return browser.findElement(By.id("publish-warning")).getText();
  }

  private List<String> missing() {
    return browser.findElements(By.cssSelector("#publish-warning li")).stream().map(li -> li.getAttribute("id"))
        .toList();
  }

  private static void withARoomAndASession(AssociationApi fair) {
    fair.room("amphi", "Amphi", 120);
    fair.create(fair.base + "/sessions", new JsonObject().put("title", "Les métiers de la mer").put("kind", "talk")
        .put("track", "s-orienter").put("room", "amphi").put("capacity", 120)
        .put("starts_at", DAY + "T09:00:00+01:00").put("ends_at", DAY + "T09:40:00+01:00"));
  }
}
