package fr.parcours.fair;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.i18n.Term;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fairs: creation and edits by their team, and the read API other features use
 * ({@link #findBySlug}, {@link #findById}, {@link #require}, {@link #readable}). Whether an
 * organiser may act on a fair is decided here and nowhere else: by their role in its team.
 */
public final class FairService {

  private final FairRepository repository;

  public FairService(Pool pool) {
    this.repository = new FairRepository(pool);
  }

  /** The fair, whatever its status, or NOT_FOUND. */
  public Future<Fair> findBySlug(String slug) {
    return find(slug).map(found -> found.orElseThrow(() -> AppException.notFound("fair", slug)));
  }

  /** The fair, whatever its status, if there is one with that slug. */
  public Future<Optional<Fair>> find(String slug) {
    return repository.findBySlug(slug);
  }

  /** The fair, whatever its status, or NOT_FOUND: for records that point at their fair by id. */
  public Future<Fair> findById(long id) {
    return repository.findById(id).map(found -> found.orElseThrow(() -> AppException.notFound("fair", id)));
  }

  /** The fair, whatever its status, as {@code db} sees it: a transaction reads it with what it locks. */
  public Future<Optional<Fair>> find(SqlClient db, long id) {
    return repository.findById(db, id);
  }

  /**
   * The fair if {@code organiser}'s role in its team allows what {@code needed} may do: NOT_FOUND
   * for an unknown slug, FORBIDDEN for someone outside the team or whose role is below.
   */
  public Future<Fair> require(String slug, Organiser organiser, FairRole needed) {
    return findBySlug(slug).compose(fair -> repository.roleOf(fair.id(), organiser.id()).map(role -> {
      if (role.isEmpty()) {
        throw AppException.forbiddenBecause("other_organiser");
      }
      if (!role.get().allows(needed)) {
        throw new AppException(AppException.Kind.FORBIDDEN, "ROLE_REFUSED",
            Map.of("role", Term.of("role_" + role.get().json()), "needed", Term.of("role_" + needed.json())), List.of());
      }
      return fair;
    }));
  }

  /** The fair if published, or if {@code viewer} (null when anonymous) is in its team; drafts stay hidden otherwise. */
  public Future<Fair> readable(String slug, Organiser viewer) {
    return findBySlug(slug).compose(fair -> {
      if (fair.published()) {
        return Future.succeededFuture(fair);
      }
      Future<Optional<FairRole>> role = viewer == null ? Future.succeededFuture(Optional.empty())
          : repository.roleOf(fair.id(), viewer.id());
      return role.map(member -> member.map(any -> fair).orElseThrow(() -> AppException.notFound("fair", slug)));
    });
  }

  /** The organiser's role in the fair's team, if they are in it. */
  public Future<Optional<FairRole>> roleOf(Fair fair, Organiser organiser) {
    return repository.roleOf(fair.id(), organiser.id());
  }

  public Future<List<Fair>> published() {
    return repository.published();
  }

  /** Every fair whose team the organiser is in, drafts included. */
  public Future<List<Fair>> ofMember(Organiser organiser) {
    return repository.ofMember(organiser.id());
  }

  /** Creates a fair from a request body (see the API's FairInput schema); its creator is its owner. */
  public Future<Fair> create(Organiser owner, JsonInput body) {
    return Future.succeededFuture(body).map(in -> FairInput.read(in, null))
        .compose(details -> repository.insert(owner.id(), details)
            .recover(UniqueKeys.clashOn("slug"))
            .map(id -> new Fair(id, owner.id(), details)));
  }

  /** What creating a fair from {@code body} would be refused for in its fields, without creating it. */
  public List<FieldError> problems(JsonObject body) {
    try {
      FairInput.read(JsonInput.of(body), null);
      return List.of();
    } catch (AppException refused) {
      return refused.details();
    }
  }

  /** Applies the fields present in {@code body}; a "days" list replaces all days. */
  public Future<Fair> update(Fair fair, JsonInput body) {
    return Future.succeededFuture(body).map(in -> FairInput.read(in, fair.details()))
        .compose(details -> repository.update(fair.id(), details)
            .recover(UniqueKeys.clashOn("slug"))
            .map(done -> new Fair(fair.id(), fair.ownerId(), details)));
  }
}
