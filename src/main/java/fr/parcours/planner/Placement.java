package fr.parcours.planner;

import java.time.OffsetDateTime;

/** Where and when a session may start: a room at the start of a slot of the fair's grid. */
public record Placement(PlanRoom room, OffsetDateTime start) {

  @Override
  public String toString() {
    return room.slug() + "@" + start;
  }
}
