package fr.parcours.association;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.i18n.Term;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Offers: an association proposes, edits and withdraws its own (another's are never found);
 * the fair's organiser lists them all and decides, and the association is told by message.
 */
public final class OfferService {

  private final Pool pool;
  private final OfferRepository offers = new OfferRepository();
  private final AssociationRepository associations = new AssociationRepository();

  public OfferService(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> propose(Fair fair, SignedInAssociation who, JsonObject body) {
    return Future.succeededFuture(body).map(json -> OfferDraft.read(JsonInput.of(json), fair))
        .compose(draft -> pool.withTransaction(conn -> associations.themeTrack(conn, fair.id(), draft.theme())
            .compose(trackId -> offers.insert(conn, fair.id(), who.id(), trackId, draft))
            .compose(id -> offers.replaceAvailability(conn, id, draft.availability()).map(id))
            .compose(id -> shown(conn, fair, id))));
  }

  public Future<List<Offer>> own(Fair fair, SignedInAssociation who) {
    return offers.list(pool, fair.id(), who.id(), null);
  }

  public Future<JsonObject> show(Fair fair, SignedInAssociation who, long id) {
    return pool.withTransaction(conn -> owned(conn, fair, who, id)).map(offer -> offer.toJson(fair));
  }

  /** Applies the fields the body names; an offer the organiser asked changes to goes back to review. */
  public Future<JsonObject> edit(Fair fair, SignedInAssociation who, long id, JsonObject body) {
    return pool.withTransaction(conn -> owned(conn, fair, who, id).compose(offer -> {
      OfferStatus next = offer.status().afterEdit();
      OfferDraft draft = OfferDraft.read(JsonInput.of(offer.editable(fair).mergeIn(body)), fair);
      return associations.themeTrack(conn, fair.id(), draft.theme())
          .compose(trackId -> offers.update(conn, id, trackId, draft, next))
          .compose(done -> offers.replaceAvailability(conn, id, draft.availability()))
          .compose(done -> shown(conn, fair, id));
    }));
  }

  public Future<JsonObject> withdraw(Fair fair, SignedInAssociation who, long id) {
    return pool.withTransaction(conn -> owned(conn, fair, who, id)
        .compose(offer -> offers.review(conn, id, offer.status().afterWithdrawal(), offer.reviewMessage()))
        .compose(done -> shown(conn, fair, id)));
  }

  /** Every offer of the fair, or those in {@code status} (null for all), for its organiser. */
  public Future<List<Offer>> all(Fair fair, String status) {
    OfferStatus wanted = status == null ? null : parseStatus(status);
    return offers.list(pool, fair.id(), null, wanted);
  }

  /** The organiser accepts, declines or asks for changes; the association gets the decision by message. */
  public Future<JsonObject> review(Fair fair, JsonInput body, long id) {
    OfferStatus.Decision decision = decision(body);
    String message = body.optionalText("message");
    body.check(message != null || !decision.needsMessage, "message", "REQUIRED_TO",
        Map.of("decision", Term.of("decision_" + decision.json())));
    body.validate();
    return pool.withTransaction(conn -> locked(conn, fair, id, null).compose(offer -> {
      OfferStatus next = offer.status().after(decision);
      return offers.review(conn, id, next, message)
          .compose(done -> Outbox.enqueue(conn, AssociationMessages.decision(offer, decision, message,
              fair.details().name())))
          .compose(done -> shown(conn, fair, id));
    }));
  }

  private static OfferStatus.Decision decision(JsonInput body) {
    List<String> choices = List.of("accept", "decline", "request_changes");
    String chosen = body.requiredChoice("decision", choices);
    body.validate();
    return OfferStatus.Decision.valueOf(chosen.toUpperCase(Locale.ROOT));
  }

  private static OfferStatus parseStatus(String status) {
    try {
      return OfferStatus.ofJson(status);
    } catch (IllegalArgumentException e) {
      throw AppException.invalid("status", "ONE_OF",
          Map.of("values", "submitted, changes_requested, accepted, declined, withdrawn"));
    }
  }

  private Future<Offer> owned(SqlClient conn, Fair fair, SignedInAssociation who, long id) {
    return locked(conn, fair, id, who.id());
  }

  /** The offer, locked; NOT_FOUND when it is not the fair's (or, with {@code associationId}, not that association's). */
  Future<Offer> locked(SqlClient conn, Fair fair, long id, Long associationId) {
    return offers.lock(conn, fair.id(), id, associationId)
        .map(found -> found.orElseThrow(() -> AppException.notFound("offer", id)));
  }

  private Future<JsonObject> shown(SqlClient conn, Fair fair, long id) {
    return offers.find(conn, id).map(found -> found.orElseThrow().toJson(fair));
  }
}
