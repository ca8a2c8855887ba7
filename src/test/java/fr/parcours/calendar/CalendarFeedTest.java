package fr.parcours.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarFeedTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void eventsAreLocalToTheFairWithATimezoneAndStableIdentity() throws Exception {
    OffsetDateTime nine = OffsetDateTime.parse("2027-03-11T08:00:00Z");
    List<CalendarEvent> events = List.of(
        new CalendarEvent("session-12@parcours", "Les métiers du climat", "Conférence", "Hémicycle",
            nine, nine.plusMinutes(30), 3, false, nine.minusDays(2),
            "https://parcours.test/fairs/f/sessions/12", "Sciences, techniques"),
        new CalendarEvent("session-13@parcours", "Atelier CV", null, "Salle 2",
            nine.plusMinutes(40), nine.plusMinutes(70), 1, true, nine.minusDays(1), null, null));

    String ics = CalendarFeed.render("Teen's Up — S'orienter", PARIS, events);
    Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
    parsed.validate();

    assertTrue(ics.contains("DTSTART;TZID=Europe/Paris:20270311T090000"), ics);
    assertFalse(parsed.getComponents(Component.VTIMEZONE).isEmpty());
    assertTrue(ics.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"), ics);
    List<VEvent> vevents = parsed.getComponents(Component.VEVENT);
    assertEquals(2, vevents.size());
    VEvent first = vevents.get(0);
    assertEquals("session-12@parcours", first.getUid().orElseThrow().getValue());
    assertEquals("3", first.getSequence().getValue());
    assertEquals("CONFIRMED", first.getStatus().getValue());
    assertEquals("Les métiers du climat", first.getSummary().getValue());
    assertEquals("CANCELLED", vevents.get(1).getStatus().getValue());
    assertTrue(ics.contains("CATEGORIES:Sciences\\, techniques"), ics);
  }
}
