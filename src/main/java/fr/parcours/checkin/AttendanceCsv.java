package fr.parcours.checkin;

import fr.parcours.checkin.Attendance.Figures;
import fr.parcours.checkin.Attendance.Group;
import fr.parcours.i18n.Catalogue;
import fr.parcours.web.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as a spreadsheet: the whole fair first, then a line per school, city, level and track. */
final class AttendanceCsv {

  private AttendanceCsv() {
  }

  static String of(Attendance report, String language) {
    List<String> header = Csv.header(language, "grouping", "name", "classes_booked", "classes_present",
        "pupils_booked", "pupils_present", "adults_booked", "adults_present", "schools_present", "no_show_rate");
    List<List<String>> rows = new ArrayList<>();
    rows.add(row(Catalogue.text(language, "csv_grouping_total"), report.fair().details().name(), report.total(), language));
    add(rows, language, "school", report.bySchool());
    add(rows, language, "city", report.byCity());
    add(rows, language, "level", report.byLevel());
    add(rows, language, "track", report.byTrack());
    return Csv.table(header, rows);
  }

  private static void add(List<List<String>> rows, String language, String grouping, List<Group> groups) {
    String said = Catalogue.text(language, "csv_grouping_" + grouping);
    groups.forEach(g -> rows.add(row(said, g.name(), g.figures(), language)));
  }

  /** The rate with a decimal comma in French, as the spreadsheet reading it expects. */
  private static List<String> row(String grouping, String name, Figures f, String language) {
    String rate = String.format(Locale.ROOT, "%.3f", f.noShowRate());
    rate = "fr".equals(language) ? rate.replace('.', ',') : rate;
    return List.of(grouping, name, String.valueOf(f.classesBooked()), String.valueOf(f.classesPresent()),
        String.valueOf(f.pupilsBooked()), String.valueOf(f.pupilsPresent()), String.valueOf(f.adultsBooked()),
        String.valueOf(f.adultsPresent()), String.valueOf(f.schoolsPresent()), rate);
  }
}
