package fr.parcours.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The files under a directory of the class path, whether the classes run from a folder or a jar. */
public final class ClassPathFiles {

  private ClassPathFiles() {
  }

  /** Each file's path under {@code directory} ending in {@code suffix} ("admin/page.hbs"), sorted; none if it is missing. */
  public static List<String> under(String directory, String suffix) {
    URL found = ClassPathFiles.class.getClassLoader().getResource(directory);
    if (found == null) {
      return List.of();
    }
    try {
      return "jar".equals(found.getProtocol()) ? inJar(found, directory, suffix) : walk(Path.of(found.toURI()), suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * From the jar's central directory, which the class loader has read already (a jar opened again
   * shares it). Not as a zip file system: that indexes the 40 MB jar's every entry again, a few
   * hundred milliseconds of a start each time.
   */
  private static List<String> inJar(URL found, String directory, String suffix) throws IOException {
    JarURLConnection connection = (JarURLConnection) found.openConnection();
    connection.setUseCaches(false);
    String prefix = directory + "/";
    try (JarFile jar = connection.getJarFile()) {
      return jar.stream().map(entry -> entry.getName())
          .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
          .map(name -> name.substring(prefix.length())).sorted().toList();
    }
  }

  private static List<String> walk(Path root, String suffix) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.map(root::relativize).map(Path::toString).filter(path -> path.endsWith(suffix)).sorted()
          .forEach(path -> paths.add(path.replace('\\', '/')));
    }
    return paths;
  }
}
