// Parses iCalendar files with ical.js, the parser behind Thunderbird, and fails on any error:
//   node .ci/ical-check.mjs feed1.ics feed2.ics …
// Beyond parsing, checks what clients rely on: every TZID has its VTIMEZONE, every event has a
// UID and resolvable start and end, REFRESH-INTERVAL is a valid duration.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function check(file) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('\r\n')) throw new Error('lines must end with CRLF');
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR but ${calendar.name}`);
  const zones = new Set();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
    zones.add(zone.tzid);
  }
  const refresh = calendar.getFirstProperty('refresh-interval');
  if (!refresh || refresh.getFirstValue().toSeconds() !== 3600) throw new Error('REFRESH-INTERVAL is not PT1H');
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  for (const event of events) {
    if (!event.uid) throw new Error('an event has no UID');
    for (const date of [event.startDate, event.endDate]) {
      const tzid = date.zone && date.zone.tzid;
      if (!tzid || !zones.has(tzid)) throw new Error(`${event.uid}: time without its VTIMEZONE (${tzid})`);
      if (!Number.isFinite(date.toUnixTime())) throw new Error(`${event.uid}: unreadable time`);
    }
    if (event.endDate.compare(event.startDate) <= 0) throw new Error(`${event.uid}: ends before it starts`);
  }
  return events.length;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    console.log(`ok ${file}: ${check(file)} events`);
  } catch (error) {
    failed = true;
    console.error(`FAILED ${file}: ${error.message}`);
  }
}
process.exit(failed || process.argv.length < 3 ? 1 : 0);
