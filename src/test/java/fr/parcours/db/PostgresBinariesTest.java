package fr.parcours.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binaries are extracted once per build of the archive; later starts hand the library a name, not 15 MB. */
class PostgresBinariesTest {

  @Test
  void theFirstStartExtractsTheArchiveTheNextOnesOnlyNameIt(@TempDir Path working) throws Exception {
    PostgresBinaries binaries = new PostgresBinaries(working);
    byte[] first = read(binaries);
    Path directory = binaries.directory(first);

    assertTrue(first.length < 200, "a name of a few bytes, not the archive");
    assertTrue(Files.exists(directory.resolve(".exists")), "marked complete, as the library expects");
    assertTrue(Files.isExecutable(directory.resolve("bin/pg_ctl")));
    assertTrue(Files.isSymbolicLink(directory.resolve("lib/libpq.so")));
    assertTrue(Files.exists(directory.resolve("lib/libpq.so")), "the link resolves within the directory");

    Path mine = Files.createFile(directory.resolve("left-by-this-test"));
    byte[] again = read(new PostgresBinaries(working));
    assertArrayEquals(first, again);
    assertTrue(Files.exists(mine), "not extracted again");
    try (Stream<Path> entries = Files.list(working)) {
      assertEquals(1, entries.count(), "no partial extraction left beside it");
    }
  }

  private static byte[] read(PostgresBinaries binaries) throws Exception {
    try (InputStream in = binaries.getPgBinary("Linux", "x86_64")) {
      return in.readAllBytes();
    }
  }
}
