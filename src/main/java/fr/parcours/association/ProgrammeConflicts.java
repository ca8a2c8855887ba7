package fr.parcours.association;

import fr.parcours.association.PlacementRepository.Scheduled;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The conflicts the programme holds now, for the organiser's placement grid to show: each
 * placed offer's session checked by {@link PlacementConflicts} against the rest of the
 * programme, as if it were being placed again. Read-only, outside the fair's lock.
 */
public final class ProgrammeConflicts {

  private final Pool pool;
  private final OfferRepository offers = new OfferRepository();
  private final PlacementRepository placements = new PlacementRepository();

  public ProgrammeConflicts(Pool pool) {
    this.pool = pool;
  }

  /** Each session in conflict (by id) with its conflicts, in programme order; sessions with none are left out. */
  public Future<Map<Long, List<FieldError>>> of(Fair fair) {
    return pool.withConnection(conn -> Future.all(
            offers.list(conn, fair.id(), null, OfferStatus.ACCEPTED), placements.scheduled(conn, fair.id()))
        .map(read -> find(fair, read.resultAt(0), read.resultAt(1))));
  }

  static Map<Long, List<FieldError>> find(Fair fair, List<Offer> accepted, List<Scheduled> scheduled) {
    Map<Long, List<FieldError>> found = new LinkedHashMap<>();
    for (Scheduled session : scheduled) {
      accepted.stream().filter(offer -> Objects.equals(offer.sessionId(), session.other().id()))
          .findFirst().filter(offer -> session.room() != null)
          .map(offer -> PlacementConflicts.find(placement(offer, session), fair,
              others(scheduled, session, s -> Objects.equals(s.roomId(), session.roomId())),
              others(scheduled, session, s -> Objects.equals(s.associationId(), offer.associationId()))))
          .filter(conflicts -> !conflicts.isEmpty())
          .ifPresent(conflicts -> found.put(session.other().id(), conflicts));
    }
    return found;
  }

  private static PlacementConflicts.Placement placement(Offer offer, Scheduled session) {
    PlacementRepository.Track track = session.track() == null
        ? new PlacementRepository.Track("", 0) : session.track();
    return new PlacementConflicts.Placement(session.other().period(), session.room().facts(), track.name(),
        track.classSize(), offer.associationName(), offer.draft().people(), offer.draft().availability());
  }

  private static List<PlacementConflicts.Other> others(List<Scheduled> scheduled, Scheduled self,
                                                       Predicate<Scheduled> keep) {
    return scheduled.stream().filter(s -> s != self && keep.test(s)).map(Scheduled::other).toList();
  }
}
