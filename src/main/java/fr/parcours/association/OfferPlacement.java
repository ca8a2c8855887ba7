package fr.parcours.association;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.i18n.Term;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The organiser places accepted talks and workshops into a room at a time: the offer's session
 * is created, or moved, through the fair's session resource (its rules, and bookings following
 * the change), after {@link PlacementConflicts} found nothing in the way; all in one
 * transaction under the fair's lock.
 */
public final class OfferPlacement {

  private static final long NO_SESSION = -1;

  private final ResourceService resources;
  private final OfferService offers;
  private final OfferRepository offerRows = new OfferRepository();
  private final PlacementRepository repository = new PlacementRepository();

  public OfferPlacement(ResourceService resources, OfferService offers) {
    this.resources = resources;
    this.offers = offers;
  }

  /** Places (or moves) the offer's session; 409 PLACEMENT_CONFLICT lists every conflict. */
  public Future<JsonObject> place(Fair fair, long offerId, JsonInput body) {
    return Future.succeededFuture(body).map(PlacementRequest::read)
        .compose(request -> resources.inFairTransaction(fair, conn -> placeIn(conn, fair, offerId, request)));
  }

  /**
   * What placing would leave, without placing: the placement runs as {@link #place} does (its
   * conflicts refused the same way, booked classes re-routed), {@code probe} reads the result in
   * the same transaction, then it is all rolled back.
   */
  public <T> Future<T> tryPlace(Fair fair, long offerId, JsonInput body, Function<SqlConnection, Future<T>> probe) {
    return Future.succeededFuture(body).map(PlacementRequest::read)
        .compose(request -> dryRun(fair, conn -> placeIn(conn, fair, offerId, request), probe));
  }

  /**
   * Gives the offer once more: another session of the same activity (a class's route takes one
   * of its showings), in the room and slot asked, checked as a first placing is; the others stay.
   * The association gets one email listing every showing, as for a first placing.
   */
  public Future<JsonObject> repeat(Fair fair, long offerId, JsonInput body) {
    return Future.succeededFuture(body).map(PlacementRequest::read)
        .compose(request -> resources.inFairTransaction(fair, conn -> repeatIn(conn, fair, offerId, request)));
  }

  /** What repeating would leave, read by {@code probe}, then rolled back (see {@link #tryPlace}). */
  public <T> Future<T> tryRepeat(Fair fair, long offerId, JsonInput body, Function<SqlConnection, Future<T>> probe) {
    return Future.succeededFuture(body).map(PlacementRequest::read)
        .compose(request -> dryRun(fair, conn -> repeatIn(conn, fair, offerId, request), probe));
  }

  private Future<JsonObject> repeatIn(SqlConnection conn, Fair fair, long offerId, PlacementRequest request) {
    return offers.locked(conn, fair, offerId, null)
        .compose(offer -> placeable(offer).map(ok -> offer.unplaced()))
        .compose(offer -> placeLocked(conn, fair, offer, request))
        .compose(session -> tellPlaced(conn, fair, offerId).compose(told -> shown(conn, fair, offerId, session)));
  }

  private Future<JsonObject> placeIn(SqlConnection conn, Fair fair, long offerId, PlacementRequest request) {
    return offers.locked(conn, fair, offerId, null)
        .compose(offer -> placeable(offer).compose(ok -> placeLocked(conn, fair, offer, request)))
        .compose(session -> offerRows.linkSession(conn, offerId, session.getLong("id"))
            .compose(linked -> tellPlaced(conn, fair, offerId))
            .compose(told -> shown(conn, fair, offerId, session)));
  }

  /**
   * One email per placement action, once it is written: the association's offer with every
   * showing it now has in the programme (none for an association without a contact address).
   */
  private Future<Void> tellPlaced(SqlConnection conn, Fair fair, long offerId) {
    return offerRows.find(conn, offerId).map(Optional::orElseThrow).compose(offer -> offer.contactEmail().isBlank()
        ? Future.succeededFuture()
        : repository.showings(conn, offerId).compose(showings -> Outbox.enqueue(conn,
            AssociationMessages.placed(offer, showings, fair))));
  }

  /**
   * After a plan changed the programme in {@code conn}'s transaction: each offer whose sessions
   * it created, moved or cancelled is linked to a showing it still has, and each association
   * gets one email for all of its offers the plan touched (none without a contact address).
   */
  public Future<Void> planned(SqlConnection conn, Fair fair, Collection<Long> offerIds) {
    Map<Long, List<AssociationMessages.Placed>> byAssociation = new LinkedHashMap<>();
    Future<Void> read = Future.succeededFuture();
    for (long offerId : new TreeSet<>(offerIds)) {
      read = read.compose(done -> repository.relink(conn, offerId)
          .compose(linked -> offerRows.find(conn, offerId))
          .compose(found -> found.filter(offer -> !offer.contactEmail().isBlank())
              .map(offer -> repository.showings(conn, offerId).<Void>map(showings -> {
                byAssociation.computeIfAbsent(offer.associationId(), id -> new ArrayList<>())
                    .add(new AssociationMessages.Placed(offer, showings));
                return null;
              }))
              .orElse(Future.succeededFuture())));
    }
    return read.compose(done -> {
      Future<Void> told = Future.succeededFuture();
      for (List<AssociationMessages.Placed> offers : byAssociation.values()) {
        told = told.compose(previous -> Outbox.enqueue(conn, AssociationMessages.placed(offers, fair)));
      }
      return told;
    });
  }

  /** Runs {@code change}, reads {@code probe}'s answer after it, and rolls the change back. */
  private <T> Future<T> dryRun(Fair fair, Function<SqlConnection, Future<?>> change,
                               Function<SqlConnection, Future<T>> probe) {
    return resources.<T>inFairTransaction(fair, conn -> change.apply(conn).compose(done -> probe.apply(conn))
            .compose(read -> Future.failedFuture(new RolledBack(read))))
        .recover(failure -> failure instanceof RolledBack back
            ? Future.succeededFuture(back.<T>read()) : Future.failedFuture(failure));
  }

  /** Fails a dry run's transaction on purpose, carrying what was read before the rollback. */
  private static final class RolledBack extends RuntimeException {
    private final transient Object read;

    RolledBack(Object read) {
      super(null, null, false, false);
      this.read = read;
    }

    @SuppressWarnings("unchecked")
    <T> T read() {
      return (T) read;
    }
  }

  private Future<JsonObject> placeLocked(SqlConnection conn, Fair fair, Offer offer, PlacementRequest request) {
    return period(conn, fair, request, offer).compose(period -> room(conn, fair, request.room())
        .compose(room -> check(conn, fair, offer, room, period)
            .compose(ok -> writeSession(conn, fair, offer, room, period))));
  }

  /** Cancels the offer's session: booked classes are re-routed or told, as for any cancelled session. */
  public Future<JsonObject> cancel(Fair fair, long offerId) {
    return resources.inFairTransaction(fair, conn -> cancelIn(conn, fair, offerId));
  }

  /** What cancelling would leave, read by {@code probe}, then rolled back (see {@link #tryPlace}). */
  public <T> Future<T> tryCancel(Fair fair, long offerId, Function<SqlConnection, Future<T>> probe) {
    return dryRun(fair, conn -> cancelIn(conn, fair, offerId), probe);
  }

  private Future<JsonObject> cancelIn(SqlConnection conn, Fair fair, long offerId) {
    return offers.locked(conn, fair, offerId, null).compose(offer -> {
      if (offer.sessionId() == null) {
        return Future.failedFuture(AppException.notFound("placement", offerId));
      }
      return resources.update(conn, fair, ResourceCatalog.SESSIONS, String.valueOf(offer.sessionId()),
              JsonInput.of(new JsonObject().put("status", "cancelled")))
          .compose(session -> shown(conn, fair, offerId, session));
    });
  }

  private static Future<Void> placeable(Offer offer) {
    if (!offer.draft().placeable()) {
      return Future.failedFuture(AppException.conflict("OFFER_NOT_PLACEABLE", "kind", Map.of()));
    }
    if (offer.status() != OfferStatus.ACCEPTED) {
      return Future.failedFuture(AppException.conflict("OFFER_NOT_ACCEPTED", "status",
          Map.of("status", Term.of("association_status_" + offer.status().json()))));
    }
    return Future.succeededFuture();
  }

  /** From the slot's start or the given start, for the offer's duration. */
  private Future<Interval> period(SqlConnection conn, Fair fair, PlacementRequest request, Offer offer) {
    Duration duration = Duration.ofMinutes(offer.draft().durationMinutes());
    if (request.slot() == null) {
      return Future.succeededFuture(new Interval(request.startsAt(), request.startsAt().plus(duration)));
    }
    return repository.slot(conn, fair.id(), request.slot()).map(found -> found
        .map(slot -> new Interval(slot.start(), slot.start().plus(duration)))
        .orElseThrow(() -> unknown("slot")));
  }

  private Future<PlacementRepository.Room> room(SqlConnection conn, Fair fair, String slug) {
    return repository.room(conn, fair.id(), slug)
        .map(found -> found.orElseThrow(() -> unknown("room")));
  }

  private Future<Void> check(SqlConnection conn, Fair fair, Offer offer, PlacementRepository.Room room, Interval period) {
    long self = offer.sessionId() == null ? NO_SESSION : offer.sessionId();
    Future<PlacementRepository.Track> track = repository.track(conn, offer.trackId());
    Future<List<PlacementConflicts.Other>> inRoom = repository.inRoom(conn, room.id(), self);
    Future<List<PlacementConflicts.Other>> ofAssociation = repository.ofAssociation(conn, offer.associationId(), self);
    return Future.all(track, inRoom, ofAssociation).map(read -> {
      PlacementConflicts.Placement placement = new PlacementConflicts.Placement(period, room.facts(),
          track.result().name(), track.result().classSize(), offer.associationName(), offer.draft().people(),
          offer.draft().availability());
      List<FieldError> conflicts = PlacementConflicts.find(placement, fair, inRoom.result(), ofAssociation.result());
      if (!conflicts.isEmpty()) {
        throw new AppException(AppException.Kind.CONFLICT, "PLACEMENT_CONFLICT", Map.of("count", conflicts.size()),
            conflicts);
      }
      return null;
    });
  }

  private Future<JsonObject> writeSession(SqlConnection conn, Fair fair, Offer offer, PlacementRepository.Room room,
                                          Interval period) {
    JsonObject where = new JsonObject().put("room", room.slug()).put("capacity", room.facts().capacity())
        .put("starts_at", FairTimes.format(period.start(), fair.zone()))
        .put("ends_at", FairTimes.format(period.end(), fair.zone()));
    if (offer.sessionId() != null) {
      return resources.update(conn, fair, ResourceCatalog.SESSIONS, String.valueOf(offer.sessionId()),
          JsonInput.of(where.put("status", "scheduled")));
    }
    OfferDraft draft = offer.draft();
    JsonObject session = where.put("activity", activity(offer.id())).put("title", draft.title())
        .put("kind", draft.kind().session().orElseThrow().json()).put("track", draft.theme())
        .put("association", offer.associationSlug());
    if (!draft.description().isEmpty()) {
      session.put("description", draft.description());
    }
    return resources.create(conn, fair, ResourceCatalog.SESSIONS, JsonInput.of(session));
  }

  private Future<JsonObject> shown(SqlConnection conn, Fair fair, long offerId, JsonObject session) {
    return offerRows.find(conn, offerId)
        .map(offer -> new JsonObject().put("offer", offer.orElseThrow().toJson(fair)).put("session", session));
  }

  /** How an offer's activity key begins; the planner reads the offer back from it. */
  public static final String ACTIVITY_PREFIX = "offer-";

  /** The activity of an offer's sessions: all its showings are one activity, a route takes one of them. */
  public static String activity(long offerId) {
    return ACTIVITY_PREFIX + offerId;
  }

  private static AppException unknown(String field) {
    return AppException.unprocessable("UNKNOWN_REFERENCE", field, Map.of());
  }
}
