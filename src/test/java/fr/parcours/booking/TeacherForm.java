package fr.parcours.booking;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a teacher types in a real browser into the class part that the booking form and the
 * allocation's request form share (their fields are {@link BookingFormRoutes#FIELDS}).
 */
public final class TeacherForm {

  private TeacherForm() {
  }

  /** The school, the teacher and the class, as one teacher fills them; the track and times are left to the test. */
  public static void fillClass(WebDriver browser, String className, String pupils, String adults) {
    type(browser, "school.name", "Collège Jean Moulin");
    type(browser, "school.uai", "0330023A");
    type(browser, "school.city", "Bordeaux");
    type(browser, "teacher.name", "Mme Durand");
    type(browser, "teacher.email", "durand@ac-bordeaux.fr");
    type(browser, "class.name", className);
    choose(browser, "class.level", "3e");
    type(browser, "pupils", pupils);
    type(browser, "adults", adults);
  }

  /** Types into a field, replacing what it held. */
  public static void type(WebDriver browser, String name, String value) {
    WebElement input = browser.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  /** Picks the option of a list (levels, bus times) as a teacher does. */
  public static void choose(WebDriver browser, String name, String value) {
    new Select(browser.findElement(By.name(name))).selectByValue(value);
  }
}
