package fr.parcours.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

  @Test
  void cellsAreQuotedOnlyWhenNeededAndFormulasDefused() {
    assertEquals("Bordeaux", Csv.cell("Bordeaux"));
    assertEquals("\"a;b\"", Csv.cell("a;b"));
    assertEquals("\"3e \"\"B\"\"\"", Csv.cell("3e \"B\""));
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    assertEquals("'=SUM(A1)", Csv.cell("=SUM(A1)"));
    assertEquals("", Csv.cell(null));
  }

  @Test
  void aTableStartsWithTheBomAndEndsLinesWithCrlf() {
    assertEquals("\uFEFFa;b\r\n1;\"x;y\"\r\n", Csv.table(List.of("a", "b"), List.of(List.of("1", "x;y"))));
  }
}
