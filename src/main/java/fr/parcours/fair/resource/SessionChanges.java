package fr.parcours.fair.resource;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Told after a session of a track was created or edited and committed, as the API shows it:
 * places may have opened (a new showing, a larger capacity) or closed (a cancelled showing
 * whose classes need another route).
 */
@FunctionalInterface
public interface SessionChanges {

  Future<Void> sessionWritten(Fair fair, JsonObject session);
}
