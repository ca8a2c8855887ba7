package fr.parcours.admin;

import fr.parcours.checkin.CheckInService;
import fr.parcours.checkin.DayService;
import fr.parcours.checkin.PresenceService;
import fr.parcours.live.DayStreams;

/** The services behind the pages of the day: the entrance, the flows and no-shows, presence in rooms, and the dashboards' live changes. */
public record DayServices(CheckInService checkIns, DayService day, PresenceService presences, DayStreams streams) {
}
