package fr.parcours.admin;

import fr.parcours.checkin.CheckInService;
import fr.parcours.checkin.DayService;
import fr.parcours.live.DayStreams;

/** The services behind the pages of the day: the entrance, the flows and no-shows, and the dashboards' live changes. */
public record DayServices(CheckInService checkIns, DayService day, DayStreams streams) {
}
