package fr.parcours.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves what the browser shows under {@code target/screenshots/}, for people to look at what a test saw. */
public final class Screenshots {

  public static final Path DIRECTORY = Path.of("target", "screenshots");

  private Screenshots() {
  }

  /** Saves the whole page (not only the window), resizing the window to the page's height first. */
  public static Path save(WebDriver browser, String name) {
    try {
      Files.createDirectories(DIRECTORY);
      Path file = DIRECTORY.resolve(name + ".png");
      Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
