package fr.parcours.programme;

import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ShownSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fair's programme as pages read it: its sessions in time order, and its tracks, rooms, zones
 * and associations by slug, in the programme's order.
 */
public record Programme(List<ShownSession> sessions, Map<String, FairProgramme.Track> tracks,
                        Map<String, FairProgramme.Room> rooms, Map<String, FairProgramme.Zone> zones,
                        Map<String, FairProgramme.Association> associations) {

  public static Programme of(FairProgramme content) {
    return new Programme(content.sessions(), bySlug(content.tracks(), FairProgramme.Track::slug),
        bySlug(content.rooms(), FairProgramme.Room::slug), bySlug(content.zones(), FairProgramme.Zone::slug),
        bySlug(content.associations(), FairProgramme.Association::slug));
  }

  private static <T> Map<String, T> bySlug(List<T> list, Function<T, String> slug) {
    Map<String, T> map = new LinkedHashMap<>();
    list.forEach(item -> map.put(slug.apply(item), item));
    return map;
  }

  public String trackName(String slug) {
    FairProgramme.Track track = slug == null ? null : tracks.get(slug);
    return track == null ? null : track.name();
  }

  /** A room's or zone's name. */
  public String placeName(String slug) {
    if (slug != null && rooms.containsKey(slug)) {
      return rooms.get(slug).name();
    }
    FairProgramme.Zone zone = slug == null ? null : zones.get(slug);
    return zone == null ? null : zone.name();
  }

  public String associationName(String slug) {
    FairProgramme.Association association = slug == null ? null : associations.get(slug);
    return association == null ? null : association.name();
  }

  /** What the association says of itself, empty when it says nothing. */
  public String associationDescription(String slug) {
    FairProgramme.Association association = slug == null ? null : associations.get(slug);
    return association == null ? "" : association.description();
  }

  public String trackColor(String slug) {
    FairProgramme.Track track = slug == null ? null : tracks.get(slug);
    return track == null ? null : track.color();
  }

  /** The capacity of a room or zone (0 when a zone sets none). */
  public int placeCapacity(String slug) {
    if (slug != null && rooms.containsKey(slug)) {
      return rooms.get(slug).capacity();
    }
    FairProgramme.Zone zone = slug == null ? null : zones.get(slug);
    return zone == null || zone.capacity() == null ? 0 : zone.capacity();
  }
}
