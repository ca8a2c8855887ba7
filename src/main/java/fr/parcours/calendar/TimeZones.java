package fr.parcours.calendar;

import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short VTIMEZONEs in the form Outlook understands: the tz data iCal4j ships holds a zone's
 * whole history, mostly as RDATE lists that Outlook mishandles; a feed only needs the rules in
 * force now, which are RRULEs without an end (Europe/Paris: the last Sundays of March and
 * October). A zone without summer time keeps its latest observance only.
 */
final class TimeZones {

  private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
  private static final Map<ZoneId, VTimeZone> SHORT = new ConcurrentHashMap<>();

  private TimeZones() {
  }

  static VTimeZone vtimezone(ZoneId zone) {
    return SHORT.computeIfAbsent(zone, TimeZones::shorten).copy();
  }

  private static VTimeZone shorten(ZoneId zone) {
    VTimeZone full = REGISTRY.getTimeZone(zone.getId()).getVTimeZone();
    List<Observance> current = full.getObservances().stream().filter(TimeZones::inForceForever).toList();
    if (current.isEmpty()) {
      current = full.getObservances().stream().max(Comparator.comparing(TimeZones::onset)).stream().toList();
    }
    PropertyList properties = new PropertyList(List.of(full.getProperty(Property.TZID).orElseThrow()));
    return new VTimeZone(properties, new ComponentList<>(current));
  }

  private static boolean inForceForever(Observance observance) {
    Optional<RRule<?>> rule = observance.getProperty(Property.RRULE);
    return rule.isPresent() && rule.get().getRecur().getUntil() == null && rule.get().getRecur().getCount() < 1;
  }

  private static String onset(Observance observance) {
    return observance.<DtStart<?>>getProperty(Property.DTSTART).map(DtStart::getValue).orElse("");
  }
}
