package fr.parcours.allocation;

import fr.parcours.allocation.AllocationRepository.AllocationRow;
import fr.parcours.allocation.AllocationRepository.Outcome;
import fr.parcours.allocation.AllocationRepository.RequestRow;
import fr.parcours.auth.Organiser;
import fr.parcours.booking.AllocatedBookings;
import fr.parcours.booking.AllocatedBookings.Offer;
import fr.parcours.booking.AllocatedBookings.OfferedTrack;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.db.Retries;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.RegistrationSettings;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a fair's allocation (#17): a preview computed from the fair as it stands (its tracks'
 * timetables as booked, its rules, the requests still asking) and a seed, kept with its
 * figures, outcomes and the digest of its inputs; then, once, its publication under the locks
 * bookings take, only if the fair still reads as the preview read it (else 409
 * {@code ALLOCATION_STALE}: something changed, run a new preview). See {@link AllocationPublication}.
 */
public final class AllocationService {

  /** The largest seed: a positive 32-bit number, short enough to read out and re-check by hand. */
  static final int MAX_SEED = Integer.MAX_VALUE;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final Pool pool;
  private final FairService fairs;
  private final Locks locks;
  private final AllocatedBookings bookings;
  private final String publicUrl;
  private final AllocationRepository repository = new AllocationRepository();
  private final RequestRepository requests = new RequestRepository();
  private final AllocationShareRepository shares = new AllocationShareRepository();

  public AllocationService(Vertx vertx, Pool pool, FairService fairs, Locks locks, AllocatedBookings bookings,
                           String publicUrl) {
    this.vertx = vertx;
    this.pool = pool;
    this.fairs = fairs;
    this.locks = locks;
    this.bookings = bookings;
    this.publicUrl = publicUrl;
  }

  /** What an allocation is computed from, as one connection read it. */
  record Inputs(Offer offer, List<ClassRequest> requests, List<Share> shares, Map<Long, RequestRow> rows) {

    Supply supply(Fair fair) {
      return new Supply(offer.tracks().stream().map(t -> new Supply.Track(t.id(), t.timetable())).toList(),
          offer.rules(), fair.changeoverMinutes());
    }
  }

  /** An allocation with what it decided per request, its figures and the digest of its inputs. */
  record Computed(Allocation allocation, List<Outcome> outcomes, JsonObject figures, String inputsDigest) {
  }

  /**
   * Computes a preview of {@code fair} (its role already checked, {@link #fair}) with {@code body}'s
   * seed, a random one when absent, and keeps it: its figures, draw and outcomes.
   */
  public Future<JsonObject> preview(Fair fair, Organiser organiser, JsonInput body) {
    Integer given = body.optionalInt("seed", 0, MAX_SEED);
    body.validate();
    requireAllocationMode(fair);
    long seed = given != null ? given : RANDOM.nextInt(MAX_SEED);
    return pool.withConnection(conn -> read(conn, fair, false))
        .compose(inputs -> compute(fair, inputs, seed))
        .compose(computed -> pool.withTransaction(conn -> store(conn, fair, seed, organiser.id(), computed)))
        .compose(id -> show(fair, id));
  }

  public Future<JsonObject> list(String fairSlug, Organiser organiser) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> repository.list(pool, fair.id())
        .map(rows -> new JsonObject().put("allocations", new JsonArray(rows.stream()
            .map(row -> (Object) AllocationJson.summary(row, fair.zone())).toList()))));
  }

  public Future<JsonObject> show(String fairSlug, Organiser organiser, long id) {
    return fairs.require(fairSlug, organiser, FairRole.STAFF).compose(fair -> show(fair, id));
  }

  /** The fair of {@code fairSlug} as its organiser {@code organiser} may read it (pages use it). */
  public Future<Fair> fair(String fairSlug, Organiser organiser, FairRole needed) {
    return fairs.require(fairSlug, organiser, needed);
  }

  Future<JsonObject> show(Fair fair, long id) {
    return row(fair, id).compose(row -> repository.shownOutcomes(pool, id)
        .map(outcomes -> AllocationJson.full(row, outcomes, fair.zone())));
  }

  /**
   * The published allocation's draw, for everyone to re-check ({@code published} true), or when
   * it is due ({@code published} false, {@code allocation_at}).
   */
  public Future<JsonObject> publishedDraw(String fairSlug) {
    return fairs.readable(fairSlug, null).compose(fair -> Future.all(repository.published(pool, fair.id()),
            repository.count(pool, fair.id()))
        .map(read -> {
          Optional<AllocationRow> published = read.resultAt(0);
          RegistrationSettings registration = fair.registration();
          JsonObject draw = published.map(row -> AllocationJson.draw(row, read.resultAt(1), fair.zone()))
              .orElseGet(() -> new JsonObject().put("published", false));
          return draw.put("fair", fair.slug()).put("name", fair.details().name())
              .put("allocation_at", registration.allocationAt() == null ? null
                  : FairTimes.format(registration.allocationAt(), fair.zone()));
        }));
  }

  /** Publishes the preview {@code id}: 200 with it, 409 if the fair has one published or if it is stale. */
  public Future<JsonObject> publish(String fairSlug, Organiser organiser, long id) {
    return fairs.require(fairSlug, organiser, FairRole.EDITOR)
        .compose(fair -> row(fair, id).compose(row -> Retries.onRace(() -> pool.withTransaction(conn ->
            publication(conn, fair).publishPreview(row))))
            .compose(published -> show(fair, id)));
  }

  /**
   * Computes and publishes the allocation of every fair whose allocation date has come with
   * nothing published, with the seed fixed from the fair ({@link AllocationSeed}): a preview
   * (made by no organiser), then its publication. One instance at a time runs a fair (a
   * session advisory lock the others do not wait for). Answers how many it published.
   */
  public Future<Integer> publishDue() {
    return repository.due(pool).compose(ids -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (long fairId : ids) {
        chain = chain.compose(done -> repository.claimed(pool, fairId, () -> fairs.findById(fairId)
                .compose(fair -> publishDue(fair)))
            .map(published -> published ? done + 1 : done));
      }
      return chain;
    });
  }

  private Future<Boolean> publishDue(Fair fair) {
    long seed = AllocationSeed.of(fair);
    return repository.published(pool, fair.id()).compose(published -> published.isPresent()
        || !fair.registration().allocation()
        ? Future.succeededFuture(false)
        : pool.withConnection(conn -> read(conn, fair, false))
            .compose(inputs -> compute(fair, inputs, seed))
            .compose(computed -> pool.withTransaction(conn -> store(conn, fair, seed, null, computed)))
            .compose(id -> row(fair, id))
            .compose(row -> Retries.onRace(() -> pool.withTransaction(conn -> publication(conn, fair).publishPreview(row))))
            .map(true));
  }

  private AllocationPublication publication(SqlConnection conn, Fair fair) {
    return new AllocationPublication(this, conn, fair, locks, bookings, repository, publicUrl);
  }

  /** Reads what an allocation is computed from; {@code lock}: the requests' rows {@code FOR UPDATE}. */
  Future<Inputs> read(SqlClient conn, Fair fair, boolean lock) {
    return repository.requests(conn, fair.id(), lock)
        .compose(rows -> Future.all(bookings.offer(conn, fair.id()), requests.forAllocation(conn, fair.id()),
                shares.shares(conn, fair.id()))
            .map(read -> new Inputs(read.resultAt(0), read.resultAt(1), read.resultAt(2), rows)));
  }

  /** The allocator off the event loop: a large fair takes a good part of a second. */
  Future<Computed> compute(Fair fair, Inputs inputs, long seed) {
    return vertx.executeBlocking(() -> {
      Allocation allocation = Allocator.allocate(inputs.supply(fair), inputs.requests(), inputs.shares(), seed);
      Map<String, String> schools = inputs.rows().values().stream()
          .collect(Collectors.toMap(RequestRow::schoolUai, RequestRow::schoolName, (a, b) -> a));
      List<AllocationFigures.TrackName> tracks = inputs.offer().tracks().stream()
          .map(t -> new AllocationFigures.TrackName(t.id(), t.slug(), t.name())).toList();
      return new Computed(allocation, outcomes(allocation),
          AllocationFigures.of(allocation, inputs.requests(), schools, tracks),
          AllocationDigest.of(inputs, fair.changeoverMinutes()));
    }, false);
  }

  Future<Long> store(SqlClient conn, Fair fair, long seed, Long organiserId, Computed computed) {
    return repository.insert(conn, fair.id(), seed, organiserId, computed.figures(), computed.inputsDigest())
        .compose(id -> repository.insertOutcomes(conn, id, computed.outcomes()).map(id));
  }

  /** Placed requests in the order they were placed, then the others in draw order. */
  static List<Outcome> outcomes(Allocation allocation) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Allocation.Placed p : allocation.placed()) {
      outcomes.add(new Outcome(p.requestId(), outcomes.size() + 1, p.trackId(), p.choice(), p.window() + 1,
          p.route().sessionIds(), null));
    }
    for (Allocation.Unplaced u : allocation.unplaced()) {
      outcomes.add(new Outcome(u.requestId(), outcomes.size() + 1, null, null, null, null, u.reason().name()));
    }
    return outcomes;
  }

  /** A fair taking bookings first come has no allocation (409). */
  static void requireAllocationMode(Fair fair) {
    if (!fair.registration().allocation()) {
      throw AppException.conflict("FAIR_NOT_IN_ALLOCATION_MODE", Map.of());
    }
  }

  private Future<AllocationRow> row(Fair fair, long id) {
    return repository.find(pool, fair.id(), id)
        .map(found -> found.orElseThrow(() -> AppException.notFound("allocation", id)));
  }

  /** The tracks as the outcomes name them. */
  static Map<Long, OfferedTrack> tracksById(Offer offer) {
    return offer.tracks().stream().collect(Collectors.toMap(OfferedTrack::id, t -> t));
  }
}
