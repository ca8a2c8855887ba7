package fr.parcours.fair.resource;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;

/**
 * Told after a session of a track was created or edited and committed: places may have opened
 * (a new showing, a larger capacity), so whoever waits for that track may now fit.
 */
@FunctionalInterface
public interface SessionChanges {

  Future<Void> placesMayHaveOpened(Fair fair, String trackSlug);
}
