package fr.parcours.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files under a directory of the class path, whether the classes run from a folder or a jar. */
public final class ClassPathFiles {

  private ClassPathFiles() {
  }

  /**
   * Each file's path under {@code directory} ending in {@code suffix} ("admin/page.hbs"), sorted;
   * none if it is missing. Synchronized: of two threads opening the jar as a file system at once
   * (templates and migrations are read together at start), one would fail.
   */
  public static synchronized List<String> under(String directory, String suffix) {
    URL found = ClassPathFiles.class.getClassLoader().getResource(directory);
    if (found == null) {
      return List.of();
    }
    try {
      URI uri = found.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return walk(Path.of(uri), suffix);
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return walk(jar.getPath(directory), suffix);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
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
