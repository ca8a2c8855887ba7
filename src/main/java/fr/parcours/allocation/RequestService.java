package fr.parcours.allocation;

import fr.parcours.allocation.RequestMessages.Notice;
import fr.parcours.booking.BookingRules;
import fr.parcours.booking.BookingService;
import fr.parcours.common.Tokens;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.RegistrationSettings;
import fr.parcours.i18n.Catalogue;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A teacher's class requests (#17): file, show, change, withdraw. Nothing is placed here: the
 * allocation reads the requests once they can no longer change. A request is checked as a
 * booking is (the same reader, the fair's levels and supervision ratio) and its tracks must be
 * the fair's; when it was filed inside the window makes no difference.
 */
public final class RequestService {

  private static final IdempotencyKeys KEYS = new IdempotencyKeys("class_request_keys", "request_id");

  private final Pool pool;
  private final FairService fairs;
  private final BookingService bookings;
  private final RequestLinks links;
  private final RequestRepository repository = new RequestRepository();

  public RequestService(Pool pool, FairService fairs, BookingService bookings, RequestLinks links) {
    this.pool = pool;
    this.fairs = fairs;
    this.bookings = bookings;
    this.links = links;
  }

  /**
   * Files a request; a repeated key replays the first answer, even after the window closed.
   * {@code language}: the teacher's (their page's or Accept-Language), null for the fair's.
   */
  public Future<Outcome<JsonObject>> file(String fairSlug, String key, RequestInput input, String language) {
    return fairs.readable(fairSlug, null).compose(fair -> bookings.rules(fair).compose(rules -> pool.withTransaction(
            conn -> KEYS.once(conn, fair.id(), key, input.fingerprint(),
                () -> insert(conn, fair, rules, input, fair.languageFor(language)), RequestRecord::id,
                id -> repository.byId(conn, id).map(Optional::orElseThrow))))
        .compose(outcome -> json(outcome.value(), fair).map(json -> new Outcome<>(json, outcome.created()))));
  }

  private Future<RequestRecord> insert(SqlConnection conn, Fair fair, BookingRules rules, RequestInput input,
                                       String language) {
    requireOpen(fair);
    RequestInput checked = checked(fair, rules, input);
    return trackIds(conn, fair, checked)
        .compose(ids -> repository.insert(conn, fair.id(), Tokens.newToken(), checked, language)
            .compose(id -> repository.insertChoicesAndWindows(conn, id, ids, checked.windows(checked.booking().day()))
                .map(id)))
        .compose(id -> told(conn, id, Notice.FILED, fair));
  }

  /** A request's JSON with its fair: what its page shows. */
  public record Shown(JsonObject json, Fair fair) {
  }

  /** The request as its teacher sees it; once allocated, with the booking it became. */
  public Future<JsonObject> show(String token) {
    return shown(token).map(Shown::json);
  }

  public Future<Shown> shown(String token) {
    return byToken(token).compose(request -> fairs.findById(request.fairId())
        .compose(fair -> json(request, fair).map(json -> new Shown(json, fair))));
  }

  /** The fair's tracks a request may rank, in the fair's order: slug and name. */
  public Future<List<RequestRepository.TrackName>> tracks(Fair fair) {
    return repository.tracks(pool, fair.id());
  }

  /**
   * Changes a request during the window: the fields the body names replace the stored ones, and
   * the whole is checked again as a new request would be.
   */
  public Future<JsonObject> change(String token, JsonObject patch) {
    return byToken(token).compose(found -> fairs.findById(found.fairId()).compose(fair -> bookings.rules(fair)
        .compose(rules -> {
          JsonObject merged = found.input().toJson().mergeIn(patch, true);
          RequestInput changed = checked(fair, rules, RequestInput.parse(JsonInput.of(merged)));
          return pool.withTransaction(conn -> repository.locked(conn, found.id())
              .map(Optional::orElseThrow)
              .compose(current -> {
                requireChangeable(fair, current);
                return trackIds(conn, fair, changed);
              })
              .compose(ids -> repository.update(conn, found.id(), changed)
                  .compose(updated -> repository.insertChoicesAndWindows(conn, found.id(), ids,
                      changed.windows(changed.booking().day()))))
              .compose(written -> told(conn, found.id(), Notice.CHANGED, fair)));
        })
        .compose(request -> json(request, fair))));
  }

  /** Withdraws a request during the window; withdrawing it again changes nothing. */
  public Future<JsonObject> withdraw(String token) {
    return byToken(token).compose(found -> fairs.findById(found.fairId()).compose(fair -> pool.withTransaction(
            conn -> repository.locked(conn, found.id()).map(Optional::orElseThrow).compose(current -> {
              if (current.is(RequestRecord.WITHDRAWN)) {
                return Future.succeededFuture(current);
              }
              requireChangeable(fair, current);
              return repository.withdraw(conn, current.id()).compose(done -> told(conn, current.id(), Notice.WITHDRAWN, fair));
            }))
        .compose(request -> json(request, fair))));
  }

  /** Whether the fair's booking page takes requests now rather than bookings: allocation mode, nothing published. */
  public Future<Boolean> takesRequests(Fair fair) {
    if (!fair.registration().allocation()) {
      return Future.succeededFuture(false);
    }
    return repository.allocationPublished(pool, fair.id()).map(published -> !published);
  }

  /** Refuses outside allocation mode and outside the request window, saying when it opens or closed. */
  static void requireOpen(Fair fair, Instant now) {
    RegistrationSettings settings = fair.registration();
    String name = fair.details().name();
    if (!settings.allocation() || !fair.published()) {
      throw AppException.conflict("REQUESTS_NOT_TAKEN", Map.of("fair", name));
    }
    if (now.isBefore(settings.requestsOpen().toInstant())) {
      throw AppException.conflict("REQUESTS_NOT_OPEN", Map.of("fair", name, "when", local(fair, settings.requestsOpen())));
    }
    if (!now.isBefore(settings.requestsClose().toInstant())) {
      throw AppException.conflict("REQUESTS_CLOSED", Map.of("fair", name, "when", local(fair, settings.requestsClose()),
          "allocation", local(fair, settings.allocationAt())));
    }
  }

  private static void requireOpen(Fair fair) {
    requireOpen(fair, Instant.now());
  }

  /** A request changes only while it still asks, and only inside the window. */
  private static void requireChangeable(Fair fair, RequestRecord current) {
    if (current.is(RequestRecord.WITHDRAWN)) {
      throw AppException.conflict("REQUEST_WITHDRAWN", Map.of());
    }
    if (!current.is(RequestRecord.REQUESTED)) {
      throw AppException.conflict("REQUEST_ALLOCATED", Map.of());
    }
    requireOpen(fair);
  }

  /** The fair's own rules, as a booking is held to them, and every window on one of its days. */
  private static RequestInput checked(Fair fair, BookingRules rules, RequestInput input) {
    rules.requireLevel(input.booking().group().level());
    rules.requireSupervision(input.booking().pupils(), input.booking().adults());
    LocalDate day = fair.day(input.booking().day()).day();
    List<FieldError> problems = new ArrayList<>();
    for (int i = 0; i < input.otherWindows().size(); i++) {
      LocalDate other = input.otherWindows().get(i).day();
      if (other != null && fair.days().stream().noneMatch(d -> d.day().equals(other))) {
        problems.add(FieldError.of("windows[" + i + "].day", "UNKNOWN_DAY", Map.of("day", other)));
      }
    }
    if (!problems.isEmpty()) {
      throw AppException.unprocessable("UNKNOWN_DAY", Map.of("day", problems.get(0).params().get("day")), problems);
    }
    return new RequestInput(input.booking().on(day), input.choices(), input.anyOther(), input.otherWindows(),
        input.priorityEducation());
  }

  /** The chosen tracks' ids in rank order; a slug that names no track of the fair is refused at its rank. */
  private Future<List<Long>> trackIds(SqlConnection conn, Fair fair, RequestInput input) {
    return repository.trackIds(conn, fair.id(), input.choices()).map(ids -> {
      List<FieldError> unknown = new ArrayList<>();
      for (int i = 0; i < input.choices().size(); i++) {
        if (!ids.containsKey(input.choices().get(i))) {
          unknown.add(FieldError.of("choices[" + i + "]", "UNKNOWN_TRACK", Map.of("track", input.choices().get(i))));
        }
      }
      if (!unknown.isEmpty()) {
        throw AppException.unprocessable("UNKNOWN_TRACK", Map.of("track", input.choices().get(0)), unknown);
      }
      return input.choices().stream().map(ids::get).toList();
    });
  }

  /** Re-reads the written request and queues its teacher's message in the same transaction. */
  private Future<RequestRecord> told(SqlConnection conn, long id, Notice notice, Fair fair) {
    return repository.byId(conn, id).map(Optional::orElseThrow)
        .compose(request -> Outbox.enqueue(conn, RequestMessages.of(notice, request, fair, links)).map(request));
  }

  private Future<RequestRecord> byToken(String token) {
    return repository.byToken(pool, token).map(found -> found.orElseThrow(() -> AppException.notFound("request", null)));
  }

  /** The request's JSON; an allocated one carries the booking it became, as the booking API shows it. */
  private Future<JsonObject> json(RequestRecord request, Fair fair) {
    JsonObject json = RequestJson.of(request, fair, links, Instant.now());
    if (request.bookingId() == null) {
      return Future.succeededFuture(json);
    }
    return repository.bookingToken(pool, request.bookingId()).compose(token -> token
        .map(t -> bookings.show(t).map(booking -> json.put("booking", booking.toJson())))
        .orElseGet(() -> Future.succeededFuture(json)));
  }

  private static java.time.LocalDateTime local(Fair fair, OffsetDateTime instant) {
    return instant.atZoneSameInstant(fair.zone()).toLocalDateTime();
  }

  /** The reason an unplaced request is given, said in {@code language}. */
  static String reasonText(String reason, String language) {
    return reason == null ? null : Catalogue.text(language, "request_unplaced_" + reason);
  }
}
