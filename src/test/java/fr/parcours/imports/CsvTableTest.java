package fr.parcours.imports;

import fr.parcours.fair.resource.FairProgramme;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading spreadsheet files and planning them, in plain Java. */
class CsvTableTest {

  private static CsvTable table(String text) {
    return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8), 10_000);
  }

  @Test
  void quotedCellsHoldSeparatorsQuotesAndLineBreaksAndKeepTheirLineNumbers() {
    CsvTable table = table("nom;note\r\n\"A;B\";\"dit \"\"oui\"\"\"\n\"deux\nlignes\";x\nC;y\n");
    assertEquals(List.of("nom", "note"), table.header());
    assertEquals(List.of("A;B", "dit \"oui\""), table.records().get(0).cells());
    assertEquals("deux\nlignes", table.records().get(1).cells().get(0));
    assertEquals(List.of(2, 3, 5), table.records().stream().map(CsvTable.Record::line).toList());
  }

  @Test
  void theHeaderSaysTheSeparator() {
    assertEquals(List.of("name", "capacity"), table("name,capacity\nA,3\n").header());
    assertEquals(List.of("nom", "capacité"), table("\uFEFFnom;capacité\nA;3,5\n").header());
  }

  @Test
  void tooManyLinesAreRefusedBeforeAnyIsJudged() {
    CsvTable.Unreadable refused = assertThrows(CsvTable.Unreadable.class,
        () -> CsvTable.parse("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2));
    assertEquals(CsvTable.Failure.TOO_MANY_LINES, refused.failure());
  }

  @Test
  void fiveThousandRoomsArePlannedInAFewMilliseconds() {
    StringBuilder csv = new StringBuilder("nom;lieu;type;capacité;écran;prise;pmr\n");
    for (int i = 1; i <= 5000; i++) {
      csv.append("Salle ").append(i).append(";Hôtel de Région;atelier;").append(20 + i % 30).append(";oui;non;x\n");
    }
    FairProgramme programme = new FairProgramme(List.of(new FairProgramme.Venue(1, "hotel", "Hôtel de Région", "", "")),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    long millis = Long.MAX_VALUE;
    ImportPlan plan = null;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    // The thread's CPU time, fastest of a few runs: the machine's other loads and compiling the code aside.
    for (int run = 0; run < 5; run++) {
      long start = cpu.getCurrentThreadCpuTime();
      plan = ImportPlan.of(ImportKind.ROOMS, CsvTable.parse(bytes, 10_000), programme);
      millis = Math.min(millis, (cpu.getCurrentThreadCpuTime() - start) / 1_000_000);
    }
    assertEquals(5000, plan.creations());
    assertTrue(plan.valid());
    System.out.println("5,000 rooms planned in " + millis + " ms");
    assertTrue(millis < 300, "planned in " + millis + " ms");
  }
}
