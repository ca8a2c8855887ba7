package fr.parcours.association;

import fr.parcours.support.Browser;
import fr.parcours.support.Screenshots;
import fr.parcours.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static fr.parcours.association.AssociationApi.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in link opened in a real browser: one click signs in, and the link then works no more. */
class AssociationSignInBrowserTest extends ServerTest {

  @Test
  void theLinkSignsInOnceAndTheCookieKeepsTheAssociationSignedIn() {
    AssociationApi fair = new AssociationApi(app, "salon-navigateur");
    assertEquals(202, fair.register(registration("Ocean Propre", "ocean@navigateur.test")).statusCode());
    String link = app.config().publicUrl() + "/associations/sign-in/" + fair.signInLink("ocean@navigateur.test");
    WebDriver browser = Browser.start();
    try {
      browser.get(link);
      assertEquals("Connexion de votre association", browser.findElement(By.tagName("h1")).getText());
      Browser.clickAndWaitForPage(browser, By.id("sign-in"));
      assertEquals(app.config().publicUrl() + "/associations/me", browser.getCurrentUrl());
      assertEquals("Ocean Propre", browser.findElement(By.id("association-name")).getText());

      browser.get(app.config().publicUrl() + "/associations/me?lang=en");
      assertTrue(browser.findElement(By.id("signed-in")).getText().startsWith("You are signed in"));

      browser.get(link + "?lang=fr");
      assertEquals("Ce lien de connexion a déjà servi : il ne sert qu'une fois. Demandez-en un nouveau.",
          browser.findElement(By.id("link-refused")).getText());
      Screenshots.save(browser, "association-link-used-fr");
      browser.get(link + "?lang=en");
      assertEquals("This sign-in link was already used: it works once. Ask for a new one.",
          browser.findElement(By.id("link-refused")).getText());
      Screenshots.save(browser, "association-link-used-en");
      Browser.clickAndWaitForPage(browser, By.id("renew"));
      assertTrue(browser.findElement(By.id("notice")).getText().startsWith("A new sign-in link was just sent"),
          browser.getPageSource());
      assertTrue(fair.lastMessage("ocean@navigateur.test", "association_sign_in").getString("body")
          .contains("/associations/sign-in/"));
    } finally {
      browser.quit();
    }
  }
}
