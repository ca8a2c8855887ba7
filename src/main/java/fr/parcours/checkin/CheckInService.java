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
import io.vertx.sqlclient.SqlConnection;

/**
 * The entrance on the day: staff (or anyone above in the fair's team) check a class in by its
 * code with the headcount that came, correct it, or undo it. A phone replaying its queue with
 * the same Idempotency-Key gets the first answer; two phones checking the same class in count
 * it once.
 */
public final class CheckInService {

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("check_in_requests", "booking_id");

  private final Pool pool;
  private final FairService fairs;
  private final CheckInRepository repository = new CheckInRepository();

  public CheckInService(Pool pool, FairService fairs) {
    this.pool = pool;
    this.fairs = fairs;
  }

  /** The fair whose entrance {@code staff} may keep (staff, or anyone above in its team): what every call here checks first. */
  public Future<Fair> entranceFair(String fairSlug, Organiser staff) {
    return fairs.require(fairSlug, staff, FairRole.STAFF);
  }

  public Future<Outcome<Arrival>> checkIn(String fairSlug, Organiser staff, String key, CheckInRequest request) {
    return entranceFair(fairSlug, staff).compose(fair -> checkIn(fair, staff, key, request));
  }

  /** A check-in at a fair {@link #entranceFair} handed back (its role checked once, by the caller's first call). */
  public Future<Outcome<Arrival>> checkIn(Fair fair, Organiser staff, String key, CheckInRequest request) {
    return Retries.onRace(() -> pool.withTransaction(conn -> KEYS.once(conn, fair.id(), key, request.fingerprint(),
        () -> checkInOnce(conn, fair, staff, request), Arrival::bookingId, id -> arrival(conn, fair, id))));
  }

  private Future<Arrival> checkInOnce(SqlConnection conn, Fair fair, Organiser staff, CheckInRequest request) {
    return repository.booked(conn, fair.id(), request.bookingId())
        .map(found -> found.orElseThrow(() -> AppException.notFound("check_in", request.code())))
        .compose(booked -> {
          CheckInRules.admit(booked.status(), booked.pupils(), booked.adults(), request);
          return repository.checkIn(conn, fair.id(), request, staff.id());
        })
        .compose(done -> arrival(conn, fair, request.bookingId()));
  }

  private Future<Arrival> arrival(SqlConnection conn, Fair fair, long bookingId) {
    return repository.arrival(conn, fair.id(), fair.zone(), bookingId)
        .map(found -> found.orElseThrow(() -> AppException.notFound("check_in", CheckInCode.of(bookingId))));
  }

  /**
   * The QR code of a confirmed booking, for its manage page and print view: the staff page's
   * address with the class's code, so that a phone's camera app opens it too.
   */
  public Future<String> qrCode(String manageToken, String publicUrl) {
    return repository.confirmedByToken(pool, manageToken).map(found -> found
        .map(booking -> QrSvg.of(publicUrl + StaffLinks.checkIn(booking.fairSlug(), CheckInCode.of(booking.bookingId())),
            CheckInCode.of(booking.bookingId())))
        .orElseThrow(() -> AppException.notFound("booking", manageToken)));
  }

  /** Undoes a mistaken check-in; a code of another fair, or of a class not checked in, is a 404. */
  public Future<Void> undo(String fairSlug, Organiser staff, String code) {
    long bookingId = CheckInCode.parse(code).orElseThrow(() -> AppException.notFound("check_in", code));
    return entranceFair(fairSlug, staff)
        .compose(fair -> repository.undo(pool, fair.id(), bookingId))
        .map(undone -> {
          if (!undone) {
            throw AppException.notFound("check_in", code);
          }
          return null;
        });
  }

  /** Every confirmed class of the fair with what came of it: the entrance's list. */
  public Future<Entrance> entrance(String fairSlug, Organiser staff) {
    return entranceFair(fairSlug, staff).compose(this::entrance);
  }

  /** The entrance's list of a fair {@link #entranceFair} handed back. */
  public Future<Entrance> entrance(Fair fair) {
    return repository.arrivals(pool, fair.id(), fair.zone()).map(arrivals -> new Entrance(fair, arrivals));
  }

  /** The figures after the fair (or during it): who came, by school, city, level and track. */
  public Future<Attendance> attendance(String fairSlug, Organiser staff) {
    return entranceFair(fairSlug, staff).compose(fair -> Future.all(
            repository.arrivals(pool, fair.id(), fair.zone()), repository.extras(pool, fair.id()),
            repository.sessionFigures(pool, fair.id(), fair.zone()))
        .map(all -> Attendance.of(fair, all.resultAt(0), all.resultAt(1), all.resultAt(2))));
  }

  /** The report as a spreadsheet, its headers in {@code language}. */
  public Future<String> attendanceCsv(String fairSlug, Organiser staff, String language) {
    return attendance(fairSlug, staff).map(report -> AttendanceCsv.of(report, language));
  }
}
