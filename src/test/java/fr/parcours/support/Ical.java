package fr.parcours.support;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/** Reads feeds back as calendar clients would: parsed by iCal4j and validated, any invalid property fails. */
public final class Ical {

  private Ical() {
  }

  public static Calendar parse(String ics) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
      calendar.validate();
      return calendar;
    } catch (Exception e) {
      throw new AssertionError("Invalid feed: " + e.getMessage() + "\n" + ics, e);
    }
  }

  public static List<VEvent> events(String ics) {
    return parse(ics).getComponents(Component.VEVENT);
  }

  public static Instant start(VEvent event) {
    return ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant();
  }

  public static int sequence(VEvent event) {
    return Integer.parseInt(event.getSequence().getValue());
  }
}
