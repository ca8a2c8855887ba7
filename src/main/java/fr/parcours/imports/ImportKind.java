package fr.parcours.imports;

import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a CSV file can fill in bulk, and how its columns are named: the API's field names, or
 * what a French spreadsheet calls them (accents, case and spaces do not matter: "Capacité",
 * "capacite" and "CAPACITE" are one column).
 */
public enum ImportKind {

  ROOMS("rooms", ResourceCatalog.ROOMS, "slug", "name", "venue", List.of(
      new Column("slug", Column.Type.TEXT, "slug", "identifiant", "code"),
      new Column("name", Column.Type.TEXT, "name", "nom", "salle"),
      new Column("venue", Column.Type.REFERENCE, "venue", "lieu", "site", "batiment"),
      new Column("kind", Column.Type.ROOM_KIND, "kind", "type", "genre"),
      new Column("capacity", Column.Type.WHOLE, "capacity", "capacite", "places", "jauge"),
      new Column("screen", Column.Type.FLAG, "screen", "ecran", "videoprojecteur", "projecteur"),
      new Column("power", Column.Type.FLAG, "power", "prise", "prises", "electricite"),
      new Column("accessible", Column.Type.FLAG, "accessible", "pmr", "accessibilite", "fauteuil"))),

  TRACKS("tracks", ResourceCatalog.TRACKS, "slug", "name", null, List.of(
      new Column("slug", Column.Type.TEXT, "slug", "identifiant", "code"),
      new Column("name", Column.Type.TEXT, "name", "nom", "parcours", "titre"),
      new Column("description", Column.Type.TEXT, "description", "presentation", "texte"),
      new Column("color", Column.Type.COLOUR, "color", "colour", "couleur"),
      new Column("levels", Column.Type.LEVELS, "levels", "niveaux", "niveau", "classes"))),

  STAND_SPOTS("stand-spots", ResourceCatalog.STAND_SPOTS, "number", "number", "zone", List.of(
      new Column("number", Column.Type.TEXT, "number", "numero", "no", "n", "emplacement", "stand"),
      new Column("zone", Column.Type.REFERENCE, "zone", "espace", "hall"),
      new Column("x", Column.Type.DECIMAL, "x"),
      new Column("y", Column.Type.DECIMAL, "y"),
      new Column("width", Column.Type.DECIMAL, "width", "largeur"),
      new Column("depth", Column.Type.DECIMAL, "depth", "profondeur"),
      new Column("power", Column.Type.FLAG, "power", "prise", "prises", "electricite")));

  private final String path;
  private final ResourceSpec spec;
  private final String key;
  private final String keySource;
  private final String reference;
  private final List<Column> columns;

  ImportKind(String path, ResourceSpec spec, String key, String keySource, String reference,
             List<Column> columns) {
    this.path = path;
    this.spec = spec;
    this.key = key;
    this.keySource = keySource;
    this.reference = reference;
    this.columns = columns;
  }

  /** The keys of the fair's resources of this kind: the rows that edit rather than create. */
  Set<String> keysIn(FairProgramme programme) {
    return switch (this) {
      case ROOMS -> programme.rooms().stream().map(FairProgramme.Room::slug).collect(Collectors.toSet());
      case TRACKS -> programme.tracks().stream().map(FairProgramme.Track::slug).collect(Collectors.toSet());
      case STAND_SPOTS -> programme.standSpots().stream().map(FairProgramme.StandSpot::number).collect(Collectors.toSet());
    };
  }

  /**
   * The fair's rows of this kind as the table's columns read them (a reference by slug), in the
   * programme's order: what the bulk table shows to edit.
   */
  public List<Map<String, Object>> rowsIn(FairProgramme programme) {
    return switch (this) {
      case ROOMS -> programme.rooms().stream().map(room -> cells("slug", room.slug(), "name", room.name(),
          "venue", room.venue(), "kind", room.kind(), "capacity", room.capacity(), "screen", room.screen(),
          "power", room.power(), "accessible", room.accessible())).toList();
      case TRACKS -> programme.tracks().stream().map(track -> cells("slug", track.slug(), "name", track.name(),
          "description", track.description(), "color", track.color(), "levels", track.levels())).toList();
      case STAND_SPOTS -> programme.standSpots().stream().map(spot -> cells("number", spot.number(),
          "zone", spot.zone(), "x", spot.x(), "y", spot.y(), "width", spot.width(), "depth", spot.depth(),
          "power", spot.power())).toList();
    };
  }

  /** Field and value pairs; a value may be null (a room outside any venue), which Map.of refuses. */
  private static Map<String, Object> cells(Object... pairs) {
    Map<String, Object> cells = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      cells.put((String) pairs[i], pairs[i + 1]);
    }
    return cells;
  }

  /** The places a row may name (a room's venue, a spot's zone): name by slug, in the programme's order. */
  public Map<String, String> placesIn(FairProgramme programme) {
    Map<String, String> names = new LinkedHashMap<>();
    switch (this) {
      case ROOMS -> programme.venues().forEach(venue -> names.put(venue.slug(), venue.name()));
      case STAND_SPOTS -> programme.zones().forEach(zone -> names.put(zone.slug(), zone.name()));
      case TRACKS -> { }
    }
    return names;
  }

  public static Optional<ImportKind> of(String path) {
    return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
  }

  public String path() {
    return path;
  }

  public ResourceSpec spec() {
    return spec;
  }

  /** The field naming a row among the fair's (a room's slug, a spot's number). */
  public String key() {
    return key;
  }

  /** The field the key is made from when the file leaves it out (a room's name). */
  public String keySource() {
    return keySource;
  }

  /** The field naming the place a row belongs to (a room's venue, a spot's zone); null for tracks. */
  public String reference() {
    return reference;
  }

  public List<Column> columns() {
    return columns;
  }
}
