package fr.parcours.challenge;

import fr.parcours.auth.Organiser;
import fr.parcours.challenge.Challenge.Slot;
import fr.parcours.challenge.ChallengeInput.SlotInput;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Field;
import fr.parcours.web.JsonInput;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Map;

/**
 * The organiser's challenges (défis) of a fair, with their presentation slots; anyone reads
 * the list of a published fair, places left included.
 */
public final class ChallengeService {

  /** Where a challenge is presented: the ids of its zone and stand spot, null when not given. */
  private record Where(Long zoneId, Long spotId) {
  }

  private final Pool pool;
  private final FairService fairs;
  private final ChallengeRepository repository = new ChallengeRepository();

  public ChallengeService(Pool pool, FairService fairs) {
    this.pool = pool;
    this.fairs = fairs;
  }

  public Future<JsonObject> list(String fairSlug) {
    return fairs.readable(fairSlug, null).compose(this::ofFair);
  }

  /** The challenges of a fair anyone may read, with their slots and places taken. */
  Future<List<Challenge>> challenges(String fairSlug) {
    return fairs.readable(fairSlug, null).compose(fair -> repository.list(pool, fair.id(), null));
  }

  /** The challenges of a fair already read (its organiser's pages show drafts too), places taken included. */
  public Future<JsonObject> ofFair(Fair fair) {
    return repository.list(pool, fair.id(), null).map(all -> ChallengeJson.list(all, fair.zone()));
  }

  /** Each write checks the role before it reads its body: staff are refused, never told what to correct. */
  Future<JsonObject> create(String fairSlug, Organiser organiser, JsonInput body) {
    return fairs.require(fairSlug, organiser, FairRole.EDITOR).compose(fair -> insert(fair, ChallengeInput.parse(body, true))
        .compose(id -> show(fair, id)));
  }

  /** Creates challenges written as the API takes them, one after another: a fair being filled (the demo's). */
  public Future<Void> createAll(Fair fair, List<JsonObject> bodies) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject body : bodies) {
      chain = chain.compose(done -> insert(fair, ChallengeInput.parse(JsonInput.of(body), true)).mapEmpty());
    }
    return chain;
  }

  private Future<Long> insert(Fair fair, ChallengeInput in) {
    return pool.withTransaction(conn -> references(conn, fair, in)
        .compose(where -> repository.insert(conn, fair.id(), in, where.zoneId(), where.spotId()))
        .compose(id -> addSlots(conn, fair, id, in.slots()).map(id)));
  }

  Future<JsonObject> update(String fairSlug, Organiser organiser, long id, JsonInput body) {
    return owned(fairSlug, organiser, id).compose(fair -> update(fair, id, ChallengeInput.parse(body, false)));
  }

  private Future<JsonObject> update(Fair fair, long id, ChallengeInput in) {
    return pool.withTransaction(conn -> references(conn, fair, in)
            .compose(where -> repository.update(conn, id, in, where.zoneId(), where.spotId())))
        .compose(done -> show(fair, id));
  }

  /** Deletes a challenge no class has picked (a picked one is a 409). */
  Future<Void> delete(String fairSlug, Organiser organiser, long id) {
    return owned(fairSlug, organiser, id).compose(fair -> repository.delete(pool, id));
  }

  Future<JsonObject> addSlot(String fairSlug, Organiser organiser, long id, JsonInput body) {
    return owned(fairSlug, organiser, id).compose(fair -> addSlots(pool, fair, id, List.of(ChallengeInput.slot(body, true)))
        .compose(done -> show(fair, id)));
  }

  /** Changes a slot's times, capacity or unit; capacity never below the places already taken. */
  Future<JsonObject> updateSlot(String fairSlug, Organiser organiser, long id, long slotId, JsonInput body) {
    return owned(fairSlug, organiser, id).compose(fair -> updateSlot(fair, id, slotId, ChallengeInput.slot(body, false)));
  }

  private Future<JsonObject> updateSlot(Fair fair, long id, long slotId, SlotInput changes) {
    return pool.withTransaction(conn ->
            lockSlot(conn, fair, id, slotId).compose(stored -> {
              Slot slot = merged(stored, changes);
              requireWithinDay(fair, new Interval(slot.startsAt(), slot.endsAt()));
              if (slot.capacity() < stored.taken() || (!slot.unit().equals(stored.unit()) && stored.taken() > 0)) {
                throw AppException.conflict("CHALLENGE_SLOT_TAKEN", "capacity",
                    Map.of("taken", stored.taken(), "unit", stored.unit()));
              }
              return repository.updateSlot(conn, slot);
            }))
        .compose(done -> show(fair, id));
  }

  /** Deletes a slot no class has picked (a picked one is a 409). */
  Future<JsonObject> deleteSlot(String fairSlug, Organiser organiser, long id, long slotId) {
    return owned(fairSlug, organiser, id).compose(fair -> pool.withTransaction(conn ->
            lockSlot(conn, fair, id, slotId).compose(slot -> repository.deleteSlot(conn, slotId)))
        .compose(done -> show(fair, id)));
  }

  private Future<Slot> lockSlot(SqlConnection conn, Fair fair, long id, long slotId) {
    return repository.lockSlot(conn, fair.id(), id, slotId)
        .map(found -> found.orElseThrow(() -> AppException.notFound("challenge_slot", slotId)));
  }

  private Future<Void> addSlots(SqlClient db, Fair fair, long id, List<SlotInput> slots) {
    Future<Void> chain = Future.succeededFuture();
    for (SlotInput slot : slots) {
      requireWithinDay(fair, new Interval(slot.startsAt(), slot.endsAt()));
      chain = chain.compose(done -> repository.insertSlot(db, id, slot).mapEmpty());
    }
    return chain;
  }

  private static Slot merged(Slot stored, SlotInput changes) {
    return new Slot(stored.id(), stored.challengeId(),
        changes.startsAt() == null ? stored.startsAt() : changes.startsAt(),
        changes.endsAt() == null ? stored.endsAt() : changes.endsAt(),
        changes.capacity() == null ? stored.capacity() : changes.capacity(),
        changes.unit() == null ? stored.unit() : changes.unit(), stored.taken());
  }

  /** A presentation lies within one fair day's opening hours, and ends after it starts. */
  private static void requireWithinDay(Fair fair, Interval period) {
    if (period.isEmptyOrReversed()) {
      throw AppException.unprocessable("INVALID_PERIOD", "ends_at", Map.of("other", Field.of("starts_at")));
    }
    if (fair.dayContaining(period).isEmpty()) {
      throw AppException.unprocessable("OUTSIDE_OPENING_HOURS", "starts_at", Map.of());
    }
  }

  /** The zone's and the spot's ids (null when not given); an unknown one is a 422 naming the field. */
  private Future<Where> references(SqlConnection conn, Fair fair, ChallengeInput in) {
    Future<Long> zone = in.zone() == null ? Future.succeededFuture() : repository.zoneId(conn, fair.id(), in.zone())
        .map(found -> found.orElseThrow(() -> AppException.unprocessable("UNKNOWN_ZONE", "zone", Map.of())));
    Future<Long> spot = in.spot() == null ? Future.succeededFuture() : repository.spotId(conn, fair.id(), in.spot())
        .map(found -> found.orElseThrow(() -> AppException.unprocessable("UNKNOWN_SPOT", "spot", Map.of())));
    return Future.all(zone, spot).map(all -> new Where(all.resultAt(0), all.resultAt(1)));
  }

  private Future<Fair> owned(String fairSlug, Organiser organiser, long id) {
    return fairs.require(fairSlug, organiser, FairRole.EDITOR).compose(fair -> repository.list(pool, fair.id(), id)
        .map(found -> {
          if (found.isEmpty()) {
            throw AppException.notFound("challenge", id);
          }
          return fair;
        }));
  }

  private Future<JsonObject> show(Fair fair, long id) {
    return repository.list(pool, fair.id(), id).map(found -> ChallengeJson.of(found.get(0), fair.zone()));
  }
}
