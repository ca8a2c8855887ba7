package fr.parcours.fair;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;
import java.util.Optional;

/**
 * Fairs: creation and edits by their owner, and the read API other features use
 * ({@link #findBySlug}, {@link #findById}, {@link #requireOwned}, {@link #readable}).
 */
public final class FairService {

  private final FairRepository repository;

  public FairService(Pool pool) {
    this.repository = new FairRepository(pool);
  }

  /** The fair, whatever its status, or NOT_FOUND. */
  public Future<Fair> findBySlug(String slug) {
    return find(slug).map(found -> found.orElseThrow(() -> AppException.notFound("Fair " + slug)));
  }

  /** The fair, whatever its status, if there is one with that slug. */
  public Future<Optional<Fair>> find(String slug) {
    return repository.findBySlug(slug);
  }

  /** The fair, whatever its status, or NOT_FOUND: for records that point at their fair by id. */
  public Future<Fair> findById(long id) {
    return repository.findById(id).map(found -> found.orElseThrow(() -> AppException.notFound("Fair " + id)));
  }

  /** The fair if {@code organiser} owns it: NOT_FOUND for an unknown slug, FORBIDDEN for someone else's. */
  public Future<Fair> requireOwned(String slug, Organiser organiser) {
    return findBySlug(slug).map(fair -> {
      if (fair.ownerId() != organiser.id()) {
        throw AppException.forbidden("Fair " + slug + " belongs to another organiser");
      }
      return fair;
    });
  }

  /** The fair if published, or if {@code viewer} (null when anonymous) owns it; drafts stay hidden otherwise. */
  public Future<Fair> readable(String slug, Organiser viewer) {
    return findBySlug(slug).map(fair -> {
      if (!fair.published() && (viewer == null || viewer.id() != fair.ownerId())) {
        throw AppException.notFound("Fair " + slug);
      }
      return fair;
    });
  }

  public Future<List<Fair>> published() {
    return repository.published();
  }

  /** Every fair the organiser owns, drafts included. */
  public Future<List<Fair>> ownedBy(Organiser organiser) {
    return repository.ownedBy(organiser.id());
  }

  /** Creates a fair from a request body (see the API's FairInput schema). */
  public Future<Fair> create(Organiser owner, JsonInput body) {
    return Future.succeededFuture(body).map(in -> FairInput.read(in, null))
        .compose(details -> repository.insert(owner.id(), details)
            .recover(UniqueKeys.clashOn("slug"))
            .map(id -> new Fair(id, owner.id(), details)));
  }

  /** Applies the fields present in {@code body}; a "days" list replaces all days. */
  public Future<Fair> update(Fair fair, JsonInput body) {
    return Future.succeededFuture(body).map(in -> FairInput.read(in, fair.details()))
        .compose(details -> repository.update(fair.id(), details)
            .recover(UniqueKeys.clashOn("slug"))
            .map(done -> new Fair(fair.id(), fair.ownerId(), details)));
  }
}
