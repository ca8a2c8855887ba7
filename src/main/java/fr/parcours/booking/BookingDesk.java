package fr.parcours.booking;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.List;

/** The organiser's side of bookings: the rules of a fair, the lists and their CSV exports. */
public final class BookingDesk {

  private final Pool pool;
  private final FairService fairs;
  private final BookingRepository repository = new BookingRepository();
  private final BookingLinks links;

  public BookingDesk(Pool pool, FairService fairs, BookingLinks links) {
    this.pool = pool;
    this.fairs = fairs;
    this.links = links;
  }

  public Future<JsonObject> rules(String fairSlug, Organiser organiser) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF)
        .compose(fair -> repository.rules(pool, fair.id()))
        .map(BookingRules::toJson);
  }

  public Future<JsonObject> saveRules(String fairSlug, Organiser organiser, BookingRules rules) {
    return fairs.require(fairSlug, organiser, FairRole.EDITOR)
        .compose(fair -> repository.saveRules(pool, fair.id(), rules))
        .map(saved -> rules.toJson());
  }

  /** Each track's capacity per part of the day (classes in whole routes, places), as the pool reads it now. */
  public Future<List<TrackCapacity>> capacities(Fair fair) {
    return capacities(pool, fair);
  }

  /** The same as {@code db} sees it: inside a transaction, with its changes. */
  public Future<List<TrackCapacity>> capacities(SqlClient db, Fair fair) {
    return Future.all(repository.tracks(db, fair.id()), repository.timetables(db, fair.id()))
        .map(read -> TrackCapacity.all(fair, read.resultAt(0), read.resultAt(1)));
  }

  public Future<JsonObject> list(String fairSlug, Organiser organiser, BookingFilter filter) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> repository
        .list(pool, fair.id(), filter.status(), filter.track(), filter.school())
        .map(bookings -> new JsonObject().put("bookings", BookingJson.list(bookings, links, fair))));
  }

  /** The bookings by school, headers and statuses in {@code language}. */
  public Future<String> schoolsCsv(String fairSlug, Organiser organiser, String language) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> repository.list(pool, fair.id(), null, null, null)
        .map(bookings -> BookingCsv.bySchool(bookings, fair.zone(), language)));
  }

  public Future<String> attendeesCsv(String fairSlug, Organiser organiser, long sessionId, String language) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> repository.sessionExists(pool, fair.id(), sessionId)
        .compose(exists -> {
          if (!exists) {
            throw AppException.notFound("session", sessionId);
          }
          return repository.attendees(pool, fair.id(), sessionId);
        })
        .map(bookings -> BookingCsv.attendees(bookings, language)));
  }
}
