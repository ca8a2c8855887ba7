import fr.parcours.calendar.CalendarEvent;
import fr.parcours.calendar.CalendarFeed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long one feed takes to render (CPU, off the event loop in the server): a big fair of N
 * sessions (default 2000, twenty times the demo fair), rendered R times (default 30) after a
 * warm-up. Usage: bench/feed-render.sh [--sessions N] [--runs R]
 */
public class FeedRender {

  public static void main(String[] args) throws Exception {
    int sessions = option(args, "--sessions", 2000);
    int runs = option(args, "--runs", 30);
    ZoneId paris = ZoneId.of("Europe/Paris");
    List<CalendarEvent> events = events(sessions, paris);
    for (int i = 0; i < 5; i++) {
      CalendarFeed.render("Warm-up", paris, events);
    }
    long[] millis = new long[runs];
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      bytes = CalendarFeed.render("Salon de test", paris, events).length();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    // The machine is shared: the load says how much of it the run had.
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String report = String.format("feed render: %d sessions, %d runs, %d kB; p50 %d ms, p95 %d ms, max %d ms "
        + "(load average %.1f on %d cores)%n", sessions, runs, bytes / 1024, millis[runs / 2],
        millis[(int) (runs * 0.95)], millis[runs - 1], load, Runtime.getRuntime().availableProcessors());
    System.out.print(report);
    Path out = Path.of("bench/results/feed-render-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
    Files.writeString(out, report);
  }

  private static List<CalendarEvent> events(int count, ZoneId zone) {
    List<CalendarEvent> events = new ArrayList<>();
    OffsetDateTime day = OffsetDateTime.parse("2027-03-18T09:00:00+01:00");
    for (int i = 0; i < count; i++) {
      OffsetDateTime start = day.plusMinutes(40L * (i % 12));
      events.add(new CalendarEvent("session-" + i + "@parcours", "Session " + i + " : les métiers du numérique",
          "Une description de quelques lignes.\nAssociation : Elles ingénieures\nParcours : S'orienter",
          "Salle " + (i % 40) + ", Hôtel de Région, 14 rue François de Sourdis, Bordeaux", start,
          start.plusMinutes(30), i % 3, i % 17 == 0, day.minusDays(3), "https://parcours.example/fairs/f/sessions/" + i,
          "S'orienter"));
    }
    return events;
  }

  private static int option(String[] args, String name, int fallback) {
    int at = Arrays.asList(args).indexOf(name);
    return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : fallback;
  }
}
