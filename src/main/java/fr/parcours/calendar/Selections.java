package fr.parcours.calendar;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * A visitor's own selection: sessions they star without an account, kept under an unguessable
 * token, with a personal feed that follows both the stars and the programme.
 */
public final class Selections {

  private final FairService fairs;
  private final SelectionRepository repository;
  private final CalendarLinks links;

  public Selections(Pool pool, FairService fairs, CalendarLinks links) {
    this.fairs = fairs;
    this.repository = new SelectionRepository(pool);
    this.links = links;
  }

  public Future<JsonObject> create(String fairSlug) {
    String token = Tokens.newToken();
    return fairs.readable(fairSlug, null)
        .compose(fair -> repository.create(fair.id(), token).map(created -> fair))
        .compose(fair -> show(fair, token));
  }

  public Future<JsonObject> get(String fairSlug, String token) {
    return fairs.readable(fairSlug, null).compose(fair -> show(fair, token));
  }

  public Future<JsonObject> star(String fairSlug, String token, long sessionId) {
    return fairs.readable(fairSlug, null).compose(fair -> selectionId(fair, token)
        .compose(id -> repository.add(fair.id(), id, sessionId))
        .map(added -> {
          if (!added) {
            throw AppException.notFound("Session " + sessionId);
          }
          return fair;
        })
        .compose(starred -> show(fair, token)));
  }

  public Future<JsonObject> unstar(String fairSlug, String token, long sessionId) {
    return fairs.readable(fairSlug, null).compose(fair -> selectionId(fair, token)
        .compose(id -> repository.remove(id, sessionId))
        .compose(removed -> show(fair, token)));
  }

  private Future<Long> selectionId(Fair fair, String token) {
    return repository.find(fair.id(), token).map(found -> found.orElseThrow(() -> AppException.notFound("Selection")));
  }

  private Future<JsonObject> show(Fair fair, String token) {
    return selectionId(fair, token).compose(repository::sessions)
        .map(sessions -> CalendarLinks.json(links.selection(token))
            .put("token", token)
            .put("fair", fair.slug())
            .put("sessions", new JsonArray(sessions)));
  }
}
