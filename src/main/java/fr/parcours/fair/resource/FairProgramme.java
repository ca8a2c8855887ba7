package fr.parcours.fair.resource;

import fr.parcours.fair.FairTimes;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A fair's sub-resources as its pages read them, one typed list per kind of {@link ResourceCatalog}
 * in its order: references by slug, times on the fair's clock. Each record is read from a row of
 * {@link ResourceRepository#view}, the rows the API's JSON ({@link ResourceJson}) is made of.
 */
public record FairProgramme(List<Venue> venues, List<Track> tracks, List<Room> rooms, List<Zone> zones,
                            List<StandSpot> standSpots, List<Slot> slots, List<Association> associations,
                            List<ShownSession> sessions) {

  public record Venue(long id, String slug, String name, String address, String city) {
    static Venue of(Row row) {
      return new Venue(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("address"),
          row.getString("city"));
    }
  }

  public record Track(long id, String slug, String name, String description, String color, List<String> levels,
                      int position, int classSize) {
    static Track of(Row row) {
      return new Track(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("description"),
          row.getString("color"), List.of(row.getArrayOfStrings("levels")), row.getInteger("position"),
          row.getInteger("class_size"));
    }
  }

  public record Room(long id, String slug, String name, String venue, String kind, int capacity, boolean screen,
                     boolean power, boolean accessible) {
    static Room of(Row row) {
      return new Room(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("venue"),
          row.getString("kind"), row.getInteger("capacity"), row.getBoolean("screen"), row.getBoolean("power"),
          row.getBoolean("accessible"));
    }
  }

  /** A stand zone; {@code capacity} is null when it sets none. */
  public record Zone(long id, String slug, String name, String venue, Integer capacity) {
    static Zone of(Row row) {
      return new Zone(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("venue"),
          row.getInteger("capacity"));
    }
  }

  /** A spot of a zone's stand area, in metres from the area's corner. */
  public record StandSpot(long id, String number, String zone, double x, double y, double width, double depth,
                          boolean power) {
    static StandSpot of(Row row) {
      return new StandSpot(row.getLong("id"), row.getString("number"), row.getString("zone"),
          row.getNumeric("x").doubleValue(), row.getNumeric("y").doubleValue(), row.getNumeric("width").doubleValue(),
          row.getNumeric("depth").doubleValue(), row.getBoolean("power"));
    }
  }

  public record Slot(long id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    static Slot of(Row row, ZoneId zone) {
      return new Slot(row.getLong("id"), FairTimes.local(row.getOffsetDateTime("starts_at"), zone),
          FairTimes.local(row.getOffsetDateTime("ends_at"), zone));
    }

    /** Whether the session starts during the slot. */
    public boolean holds(ShownSession session) {
      return !session.startsAt().isBefore(startsAt) && session.startsAt().isBefore(endsAt);
    }

    /** Whether the session runs during the slot: one started earlier and still running keeps its room busy. */
    public boolean overlaps(ShownSession session) {
      return session.startsAt().isBefore(endsAt) && session.endsAt().isAfter(startsAt);
    }
  }

  /** An association; {@code contactEmail} is for the fair's team only ({@link ResourceCatalog#PERSONAL}). */
  public record Association(long id, String slug, String name, String track, String description, String website,
                            String contactEmail) {
    static Association of(Row row) {
      return new Association(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("track"),
          row.getString("description"), row.getString("website"), row.getString("contact_email"));
    }
  }
}
