package fr.parcours.checkin;

import fr.parcours.fair.Fair;

import java.util.List;

/** One session's sheet for its room's staff: the fair, the session, and its classes with what was marked. */
public record SessionSheet(Fair fair, RoomSession session, List<Seated> classes) {

  public SessionSheet {
    classes = List.copyOf(classes);
  }
}
