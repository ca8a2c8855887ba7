package fr.parcours.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Turns events into an iCalendar document that Google, Apple, Outlook and Thunderbird accept:
 * local times with a short VTIMEZONE, stable UIDs, growing SEQUENCE, cancelled events kept as
 * STATUS:CANCELLED, and refresh hints so subscribed clients pick up changes. The output depends
 * only on its input (DTSTAMP is the event's last change), so every instance renders the same
 * bytes and the same ETag.
 */
public final class CalendarFeed {

  private static final Duration REFRESH = Duration.ofHours(1);

  private CalendarFeed() {
  }

  public static String render(String name, ZoneId zone, List<CalendarEvent> events) {
    Calendar calendar = new Calendar()
        .add(new ProdId("-//Parcours//Parcours//FR"))
        .add(ImmutableVersion.VERSION_2_0)
        .add(ImmutableCalScale.GREGORIAN)
        .add(ImmutableMethod.PUBLISH)
        .add(new Name(name))
        .add(new XProperty("X-WR-CALNAME", name))
        .add(new XProperty("X-WR-TIMEZONE", zone.getId()))
        .add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
        .add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
    calendar.add(TimeZones.vtimezone(zone));
    events.forEach(event -> calendar.add(vevent(event, zone)));
    return write(calendar);
  }

  private static VEvent vevent(CalendarEvent event, ZoneId zone) {
    VEvent vevent = new VEvent(event.startsAt().atZoneSameInstant(zone), event.endsAt().atZoneSameInstant(zone),
        event.title());
    vevent.replace(new DtStamp(event.lastModified().toInstant()));
    vevent.add(new Uid(event.uid()));
    vevent.add(new Sequence(event.sequence()));
    vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    vevent.add(new LastModified(event.lastModified().toInstant()));
    if (present(event.location())) {
      vevent.add(new Location(event.location()));
    }
    if (present(event.description())) {
      vevent.add(new Description(event.description()));
    }
    if (present(event.url())) {
      vevent.add(new Url(URI.create(event.url())));
    }
    if (present(event.category())) {
      vevent.add(new Categories(event.category()));
    }
    return vevent;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static String write(Calendar calendar) {
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
