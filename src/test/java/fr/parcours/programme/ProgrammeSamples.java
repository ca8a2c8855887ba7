package fr.parcours.programme;

import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ShownSession;

import java.time.OffsetDateTime;
import java.util.List;

/** A small programme, as {@code ResourceService.programme} reads it, for the pure page builders. */
public final class ProgrammeSamples {

  private ProgrammeSamples() {
  }

  /**
   * Two tracks; two rooms (amphi 100 seats, atelier 30) and a stand zone; at 09:00 a talk in the
   * amphi (40 booked) and a workshop in the atelier (30 booked, full), at 09:40 the talk again
   * (none booked, for 3e only) and time at the stands.
   */
  public static Programme small() {
    return Programme.of(new FairProgramme(List.of(),
        List.of(track(1, "s-orienter", "S'orienter", "#1565c0"), track(2, "se-connaitre", "Se connaître", "#8e24aa")),
        List.of(room(1, "amphi", "Amphithéâtre", 100), room(2, "atelier", "Salle atelier", 30)),
        List.of(new FairProgramme.Zone(1, "village", "Village", null, 400)), List.of(), List.of(),
        List.of(new FairProgramme.Association(1, "onisep", "Onisep", null, "", "", "")),
        List.of(session(1, "Après la 3e", "talk", "s-orienter", "amphi", null, "09:00", 100, 40, ""),
            session(2, "Théâtre-forum", "workshop", "se-connaitre", "atelier", null, "09:00", 30, 30, ""),
            session(3, "Après la 3e", "talk", "s-orienter", "amphi", null, "09:40", 100, 0, "3e"),
            session(4, "Stands", "stand_time", null, null, "village", "09:40", 400, 12, ""))));
  }

  private static FairProgramme.Track track(long id, String slug, String name, String color) {
    return new FairProgramme.Track(id, slug, name, "", color, List.of(), (int) id, 30);
  }

  private static FairProgramme.Room room(long id, String slug, String name, int capacity) {
    return new FairProgramme.Room(id, slug, name, null, "conference", capacity, true, true, false);
  }

  private static ShownSession session(long id, String title, String kind, String track, String room, String zone,
                                      String start, int capacity, int booked, String level) {
    OffsetDateTime starts = OffsetDateTime.parse("2027-03-18T" + start + ":00+01:00");
    return new ShownSession(id, title, "", kind, level, track, room, zone, "onisep", starts,
        starts.plusMinutes(30), capacity, booked, false);
  }
}
