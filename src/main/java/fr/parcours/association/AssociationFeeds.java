package fr.parcours.association;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where an association's own iCal feed is: the calendar feature serves it and sits above
 * association (it reads offers and stands), so the association's page asks through this.
 */
public interface AssociationFeeds {

  /** {@code calendar_url} and {@code webcal_url} of the association's feed. */
  Future<JsonObject> associationFeed(long fairId, String associationSlug);
}
