package fr.parcours.planner;

import java.util.Map;
import fr.parcours.association.OfferPlacement;
import fr.parcours.booking.Placements;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.planner.PlanRepository.PlanRow;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a fair's programme: starts a solve in the background, answers any plan's last stored
 * best from the database (whichever instance solves it), stops it, and applies it through the
 * fair's session writer, so booked classes are re-routed or waitlisted and told as for any
 * organiser edit (each teacher told once per plan, each association once for all its offers).
 */
public final class PlanService {

  /** A plan whose instance has not stored a heartbeat for this long was lost with it. */
  static final Duration LOST_AFTER = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final Pool pool;
  private final ResourceService resources;
  private final PlanSolver solver;
  private final Placements placements;
  private final OfferPlacement offers;
  private final PlanRepository repository = new PlanRepository();

  public PlanService(Vertx vertx, Pool pool, ResourceService resources, PlanSolver solver, Placements placements,
                     OfferPlacement offers) {
    this.vertx = vertx;
    this.placements = placements;
    this.offers = offers;
    this.pool = pool;
    this.resources = resources;
    this.solver = solver;
  }

  /** Reads the programme, checks the demand against it (400 naming the field) and starts solving. */
  public Future<JsonObject> start(Fair fair, JsonObject body) {
    return pool.withConnection(conn -> repository.snapshot(conn, fair.id())).compose(snapshot -> {
      Set<String> tracks = snapshot.tracks().stream().map(PlanRepository.TrackRow::slug).collect(Collectors.toSet());
      PlanRequest request = PlanRequest.read(body, fair, tracks);
      if (snapshot.slots().isEmpty()) {
        throw AppException.conflict("FAIR_HAS_NO_SLOTS", "slots", Map.of());
      }
      return repository.insert(pool, fair.id(), body, snapshot.programmeChangedAt())
          .compose(id -> vertx.executeBlocking(() -> PlanProblem.build(fair, snapshot, request), false)
              .map(problem -> {
                new PlanRun(vertx, pool, solver, repository, id, problem, fair.zone()).start(request.seconds());
                return new JsonObject().put("id", id).put("status", "solving");
              }));
    });
  }

  public Future<JsonObject> show(Fair fair, long id) {
    return plan(fair, id).map(PlanService::json);
  }

  /** The fair's latest plan as {@link #show} gives it, if any. */
  public Future<JsonObject> latest(Fair fair) {
    return repository.latest(pool, fair.id())
        .compose(id -> id.map(found -> show(fair, found)).orElse(Future.succeededFuture(null)));
  }

  /** Asks the solving instance, whichever it is, to stop and keep its best so far. */
  public Future<JsonObject> stop(Fair fair, long id) {
    return repository.requestStop(pool, fair.id(), id).compose(found -> {
      if (!found) {
        return Future.failedFuture(AppException.notFound("plan", id));
      }
      return show(fair, id);
    });
  }

  /**
   * The plan as {@link #show} gives it, with today's programme ({@code today}: its scheduled
   * sessions) and what applying it would change now ({@code changes}: each created, moved or
   * cancelled session, from where to where), for the plan page.
   */
  public Future<JsonObject> proposal(Fair fair, long id) {
    return plan(fair, id).compose(plan -> pool.withConnection(conn -> repository.scheduled(conn, fair.id()))
        .map(scheduled -> {
          JsonObject shown = json(plan);
          List<JsonObject> planned = shown.getJsonArray("sessions").stream().map(JsonObject.class::cast).toList();
          Set<String> tracks = plan.request().getJsonObject("demand", new JsonObject()).fieldNames();
          JsonArray changes = new JsonArray();
          if (plan.report() != null) {
            try {
              PlanChanges.between(scheduled, planned, tracks).forEach(change -> changes.add(change.toJson(scheduled,
                  fair.zone())));
            } catch (IllegalStateException e) {
              shown.put("applicable", false);
            }
          }
          return shown.put("changes", changes).put("today", new JsonArray(scheduled.stream()
              .filter(row -> row.room() != null).map(row -> (Object) row.toJson(fair.zone())).toList()));
        }));
  }

  /** Applies the plan in one transaction: 409 if the programme changed since the plan read it. */
  public Future<JsonObject> apply(Fair fair, long id) {
    return plan(fair, id).compose(plan -> {
      JsonObject shown = json(plan);
      if (plan.report() == null || !Set.of("done", "stopped").contains(shown.getString("status"))) {
        throw AppException.conflict("PLAN_NOT_FINISHED", "status", Map.of("status", shown.getString("status")));
      }
      if (shown.getJsonObject("score").getLong("hard") < 0) {
        throw AppException.conflict("PLAN_INFEASIBLE", "score", Map.of());
      }
      // One message per booked class for the whole plan, however many of its sessions change.
      return resources.inFairTransaction(fair, conn -> placements.oneNoticeEach(conn, fair, () ->
          repository.programmeChangedAt(conn, fair.id())
              .compose(now -> {
                if (!now.isEqual(plan.programmeChangedAt())) {
                  throw AppException.conflict("PROGRAMME_CHANGED", Map.of());
                }
                return write(conn, fair, plan);
              })
              .compose(changes -> repository.applied(conn, id).map(done -> new JsonObject().put("id", id)
                  .put("changes", changes)))));
    });
  }

  private Future<JsonArray> write(SqlConnection conn, Fair fair, PlanRow plan) {
    Set<String> tracks = plan.request().getJsonObject("demand").fieldNames();
    List<JsonObject> planned = plan.report().getJsonArray("sessions").stream().map(JsonObject.class::cast).toList();
    return repository.scheduled(conn, fair.id()).compose(scheduled -> {
      List<PlanChanges.Change> changes;
      try {
        changes = PlanChanges.between(scheduled, planned, tracks);
      } catch (IllegalStateException e) {
        throw AppException.conflict("PLAN_NOT_APPLICABLE", Map.of());
      }
      Future<JsonArray> chain = Future.succeededFuture(new JsonArray());
      for (PlanChanges.Change change : changes) {
        chain = chain.compose(done -> writeOne(conn, fair, change).map(session -> done.add(new JsonObject()
            .put("action", change.action().name().toLowerCase()).put("session", session))));
      }
      return chain.compose(written -> offers.planned(conn, fair, offersOf(changes, scheduled)).map(written));
    });
  }

  /** The accepted offers whose sessions the changes create, move or cancel. */
  private static Set<Long> offersOf(List<PlanChanges.Change> changes, List<PlanRepository.SessionRow> scheduled) {
    Map<Long, String> activities = scheduled.stream()
        .collect(Collectors.toMap(PlanRepository.SessionRow::id, PlanRepository.SessionRow::activity));
    return changes.stream()
        .map(change -> change.planned() != null ? change.planned().getString("activity")
            : activities.get(change.sessionId()))
        .map(PlanProblem::offerOf).flatMap(Optional::stream).collect(Collectors.toSet());
  }

  /** Through the fair's session writer: its rules, and the bookings following in the same transaction. */
  private Future<JsonObject> writeOne(SqlConnection conn, Fair fair, PlanChanges.Change change) {
    return switch (change.action()) {
      case CANCEL -> resources.update(conn, fair, ResourceCatalog.SESSIONS, String.valueOf(change.sessionId()),
          JsonInput.of(new JsonObject().put("status", "cancelled")));
      case MOVE -> resources.update(conn, fair, ResourceCatalog.SESSIONS, String.valueOf(change.sessionId()),
          JsonInput.of(where(change.planned())));
      case CREATE -> resources.create(conn, fair, ResourceCatalog.SESSIONS, JsonInput.of(created(change.planned())));
    };
  }

  private static JsonObject where(JsonObject planned) {
    return new JsonObject().put("room", planned.getString("room")).put("starts_at", planned.getString("starts_at"))
        .put("ends_at", planned.getString("ends_at")).put("capacity", planned.getInteger("capacity"));
  }

  private static JsonObject created(JsonObject planned) {
    JsonObject session = where(planned).put("activity", planned.getString("activity"))
        .put("title", planned.getString("title")).put("kind", planned.getString("kind"))
        .put("track", planned.getString("track"));
    // Only what the activity has: the session writer refuses blank texts.
    for (String field : List.of("association", "level", "description")) {
      String value = planned.getString(field);
      if (value != null && !value.isBlank()) {
        session.put(field, value);
      }
    }
    return session;
  }

  private Future<PlanRow> plan(Fair fair, long id) {
    return repository.find(pool, fair.id(), id)
        .map(found -> found.orElseThrow(() -> AppException.notFound("plan", id)));
  }

  /** The contract's shape; a plan still "solving" without a recent heartbeat was lost with its instance. */
  static JsonObject json(PlanRow plan) {
    boolean lost = "solving".equals(plan.status()) && plan.heartbeatAt().plus(LOST_AFTER).isBefore(plan.now());
    JsonObject report = plan.report() == null ? new JsonObject() : plan.report();
    return new JsonObject().put("id", plan.id()).put("status", lost ? "failed" : plan.status())
        .put("score", report.getJsonObject("score", PlanReport.score(null)))
        .put("sessions", report.getJsonArray("sessions", new JsonArray()))
        .put("capacity", report.getJsonObject("capacity", new JsonObject()))
        .put("broken", report.getJsonArray("broken", new JsonArray()))
        .put("error", lost ? "the instance solving it stopped" : plan.error());
  }
}
