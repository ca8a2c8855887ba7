package fr.parcours.edition;

import fr.parcours.auth.Organiser;
import fr.parcours.common.Tokens;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.fair.UniqueKeys;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalDate;
import java.util.List;

import static fr.parcours.common.Futures.sequentially;

/**
 * Next year's edition, or the same fair in another city, in one step: a new draft fair with the
 * plan of an existing one (tracks, activities, the slot grid, places when asked, stand layout,
 * challenges, booking rules, texts) moved to its new days, in one transaction. Nothing personal
 * is copied; last edition's associations may be invited to take part again.
 */
public final class CopyService {

  private final Pool pool;
  private final FairService fairs;
  private final String publicUrl;
  private final CopyRepository repository = new CopyRepository();

  public CopyService(Pool pool, FairService fairs, String publicUrl) {
    this.pool = pool;
    this.fairs = fairs;
    this.publicUrl = publicUrl;
  }

  /** Copies the fair an editor names into a draft the copier owns. */
  public Future<Fair> copy(String fairSlug, Organiser copier, JsonInput body) {
    return fairs.require(fairSlug, copier, FairRole.EDITOR).compose(source -> {
      CopyRequest request = CopyRequest.read(body, source);
      return pool.withTransaction(conn -> copy(conn, source, copier, request))
          .recover(UniqueKeys.clashOn("slug"))
          .compose(fairs::findById);
    });
  }

  private Future<Long> copy(SqlConnection conn, Fair source, Organiser copier, CopyRequest request) {
    List<LocalDate> from = CopyRequest.sourceDays(source);
    List<LocalDate> to = request.days();
    String zone = source.zone().getId();
    return repository.insertFair(conn, source.id(), from, to, zone, copier.id(), request)
        .compose(copy -> repository.copyPlan(conn, source.id(), copy, from, to)
            .compose(done -> request.rooms() ? repository.copyPlaces(conn, source.id(), copy) : Future.succeededFuture())
            .compose(done -> repository.copyTimes(conn, source.id(), copy, from, to, zone))
            .compose(done -> repository.challenges(conn, source.id()))
            .compose(challenges -> sequentially(challenges, challenge ->
                repository.copyChallenge(conn, challenge, source.id(), copy, from, to, zone)))
            .compose(done -> request.inviteAssociations()
                ? invite(conn, source, copy, request.name())
                : Future.succeededFuture())
            .map(copy));
  }

  /** Each association with a contact gets a one-click link to take part in the new edition with its profile. */
  private Future<Void> invite(SqlConnection conn, Fair source, long copy, String newName) {
    return repository.contacts(conn, source.id()).compose(contacts -> sequentially(contacts, contact -> {
      String token = Tokens.newToken();
      return repository.insertRejoinLink(conn, Tokens.digest(token), contact.id(), copy)
          .compose(done -> Outbox.enqueue(conn, RejoinMessages.invitation(contact, source.details().name(), newName,
              publicUrl + "/associations/rejoin/" + token)));
    }));
  }
}
