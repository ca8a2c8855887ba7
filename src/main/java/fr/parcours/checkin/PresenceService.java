package fr.parcours.checkin;

import fr.parcours.auth.Organiser;
import fr.parcours.booking.CheckInCode;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Map;

/**
 * Presence session by session: a room's staff (staff role and up) mark a class present in
 * their session with the headcount that came in, correct it, or undo it. As at the entrance, a
 * phone replaying its queue with the same Idempotency-Key gets the first answer, and two
 * phones marking the same class count it once.
 */
public final class PresenceService {

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("session_presence_requests", "booking_id");

  private final Pool pool;
  private final FairService fairs;
  private final CheckInRepository repository = new CheckInRepository();

  public PresenceService(Pool pool, FairService fairs) {
    this.pool = pool;
    this.fairs = fairs;
  }

  /** The fair's sessions in rooms and zones, for staff to pick theirs. */
  public Future<Rooms> rooms(String fairSlug, Organiser staff) {
    return fairs.require(fairSlug, staff, FairRole.STAFF)
        .compose(fair -> repository.sessions(pool, fair.id(), fair.zone()).map(sessions -> new Rooms(fair, sessions)));
  }

  /** The fair with its sessions, so that a page showing both checks the role once. */
  public record Rooms(Fair fair, List<RoomSession> sessions) {
  }

  /** The session's classes with what was marked; a session of another fair is a 404. */
  public Future<SessionSheet> sheet(String fairSlug, Organiser staff, long sessionId) {
    return fairs.require(fairSlug, staff, FairRole.STAFF).compose(fair -> session(pool, fair, sessionId)
        .compose(session -> repository.seated(pool, fair.id(), fair.zone(), sessionId)
            .map(classes -> new SessionSheet(fair, session, classes))));
  }

  public Future<Outcome<Seated>> mark(String fairSlug, Organiser staff, long sessionId, String key,
                                      CheckInRequest request) {
    // The key's fingerprint names the session: a key replayed on another session's page is a 422.
    String fingerprint = IdempotencyKeys.fingerprint(sessionId + "|" + request.fingerprint());
    return fairs.require(fairSlug, staff, FairRole.STAFF).compose(fair -> Retries.onRace(() -> pool.withTransaction(conn ->
        session(conn, fair, sessionId).compose(session -> KEYS.once(conn, fair.id(), key, fingerprint,
            () -> markOnce(conn, fair, staff, sessionId, request), s -> s.arrival().bookingId(),
            id -> seated(conn, fair, sessionId, id))))));
  }

  private Future<Seated> markOnce(SqlConnection conn, Fair fair, Organiser staff, long sessionId, CheckInRequest request) {
    return repository.seated(conn, fair.id(), fair.zone(), sessionId, request.bookingId())
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> notSeated(conn, fair, request)))
        .compose(seated -> {
          Arrival a = seated.arrival();
          CheckInRules.admit("confirmed", a.pupilsBooked(), a.adultsBooked(), request);
          return repository.mark(conn, fair.id(), sessionId, request, staff.id());
        })
        .compose(done -> seated(conn, fair, sessionId, request.bookingId()));
  }

  /** Why a class is not on this session's sheet: booked elsewhere in the fair (409), or unknown here (404). */
  private Future<Seated> notSeated(SqlConnection conn, Fair fair, CheckInRequest request) {
    return repository.booked(conn, fair.id(), request.bookingId()).map(booked -> {
      if (booked.isPresent() && "confirmed".equals(booked.get().status())) {
        throw AppException.conflict("PRESENCE_NOT_IN_SESSION", Map.of());
      }
      throw AppException.notFound("check_in", request.code());
    });
  }

  /** Undoes a mark; a class not marked in this session (or of another fair) is a 404. */
  public Future<Void> unmark(String fairSlug, Organiser staff, long sessionId, String code) {
    long bookingId = CheckInCode.parse(code).orElseThrow(() -> AppException.notFound("check_in", code));
    return fairs.require(fairSlug, staff, FairRole.STAFF)
        .compose(fair -> repository.unmark(pool, fair.id(), sessionId, bookingId))
        .map(undone -> {
          if (!undone) {
            throw AppException.notFound("check_in", code);
          }
          return null;
        });
  }

  private Future<RoomSession> session(SqlClient db, Fair fair, long sessionId) {
    return repository.session(db, fair.id(), fair.zone(), sessionId)
        .map(found -> found.orElseThrow(() -> AppException.notFound("session", sessionId)));
  }

  /** The class in this session; a class that holds no place in it is unknown here (404), as a code of another fair. */
  private Future<Seated> seated(SqlConnection conn, Fair fair, long sessionId, long bookingId) {
    return repository.seated(conn, fair.id(), fair.zone(), sessionId, bookingId)
        .map(found -> found.orElseThrow(() -> AppException.notFound("check_in", CheckInCode.of(bookingId))));
  }
}
