package fr.parcours.fair.resource;

import java.util.List;

/**
 * A kind of fair sub-resource (venues, rooms, sessions…): its URL segment and table, the field
 * that names one in URLs ({@code key}: slug, number or id), its fields and its rule.
 * {@code shownColumns} are read-only columns the API shows; {@code touchOnUpdate} is SQL set on
 * every update (a session's sequence), kept here so the one generic repository can write it.
 */
public record ResourceSpec(String path, String table, String key, String what, List<FieldSpec> fields,
                           List<String> shownColumns, String orderBy, String touchOnUpdate, ResourceRule rule) {

  public boolean keyedById() {
    return key.equals("id");
  }

  /** The name of this list in the programme JSON (stand-spots → stand_spots). */
  public String jsonName() {
    return path.replace('-', '_');
  }
}
