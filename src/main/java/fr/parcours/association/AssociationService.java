package fr.parcours.association;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.UniqueKeys;
import fr.parcours.mail.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Associations' own accounts: registration, password-less sign-in (a single-use link sent by
 * message, redeemed for a session token) and the checks of those tokens.
 */
public final class AssociationService {

  /** What redeeming a link hands back: the session token to send as a bearer or a cookie. */
  public record Login(String token, OffsetDateTime expiresAt, SignedInAssociation association) {
  }

  static final Duration SESSION_LIFETIME = Duration.ofDays(7);
  private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
      "associations_name_key", "name",
      "associations_fair_id_slug_key", "name",
      "associations_contact_email_key", "contact.email");

  private final Pool pool;
  private final String publicUrl;
  private final Duration linkLifetime;
  private final AssociationRepository repository = new AssociationRepository();

  public AssociationService(Pool pool, String publicUrl, int linkMinutes) {
    this.pool = pool;
    this.publicUrl = publicUrl;
    this.linkLifetime = Duration.ofMinutes(linkMinutes);
  }

  /**
   * Registers an association and mails its contact a first sign-in link. When the contact email
   * is already an association's of the fair, nothing is made and that association is mailed
   * instead (with a sign-in link): the answer is the same, so it tells no one who is registered.
   * A name already taken is refused first, whatever the email (names are public anyway).
   * {@code language}: the page's or Accept-Language it registers with, null for the fair's.
   */
  public Future<Void> register(Fair fair, Registration registration, String language) {
    String fairName = fair.details().name();
    return pool.withTransaction(conn -> repository.themeTrack(conn, fair.id(), registration.theme())
            .compose(trackId -> repository.nameTaken(conn, fair.id(), registration.name())
                .compose(taken -> {
                  if (taken) {
                    throw AppException.conflict("ALREADY_EXISTS", "name", Map.of());
                  }
                  return repository.findByEmail(conn, fair.id(), registration.contactEmail());
                })
                .compose(found -> found.isPresent()
                    ? sendLink(conn, found.get(), fairName, AssociationMessages::alreadyRegistered)
                    : repository.insert(conn, fair.id(), trackId, registration, fair.languageFor(language))
                        .compose(made -> sendLink(conn, made, fairName, AssociationMessages::signInLink)))))
        .recover(UniqueKeys.clashOn(FIELD_BY_CONSTRAINT, "name"));
  }

  /** Sends a sign-in link if {@code email} is an association's of the fair; says nothing either way. */
  public Future<Void> requestSignIn(Fair fair, String email) {
    return pool.withTransaction(conn -> repository.findByEmail(conn, fair.id(), email)
        .compose(found -> found.map(association -> sendLink(conn, association, fair.details().name(),
                AssociationMessages::signInLink))
            .orElseGet(Future::succeededFuture)));
  }

  /**
   * A new link retires the association's earlier ones still unused: only the latest message
   * opens the space, so links piling up in a mailbox (or someone else's) are worth nothing.
   */
  private Future<Void> sendLink(SqlClient conn, SignedInAssociation association, String fairName,
                                AssociationMessages.LinkMessage message) {
    String token = Tokens.newToken();
    String link = publicUrl + "/associations/sign-in/" + token;
    return repository.retireLinks(conn, association.id())
        .compose(retired -> repository.insertLink(conn, Tokens.digest(token), association.id(), now().plus(linkLifetime)))
        .compose(done -> Outbox.enqueue(conn, message.of(association, fairName, link, (int) linkLifetime.toMinutes())));
  }

  /** Whether a sign-in link still opens a session, or why not: what its page says before anyone presses. */
  Future<AssociationRepository.LinkState> linkState(String linkToken) {
    return repository.linkState(pool, Tokens.digest(linkToken));
  }

  /**
   * The association a sign-in link was sent to, used, expired or live (empty when none was):
   * the link page's one-click "send me a new one" mails it, never an address the visitor gives.
   */
  Future<Optional<SignedInAssociation>> linkOwner(String linkToken) {
    return repository.linkOwner(pool, Tokens.digest(linkToken));
  }

  /** Uses a sign-in link once and opens a session; an unknown, used or expired link is refused. */
  public Future<Login> redeem(String linkToken) {
    byte[] hash = Tokens.digest(linkToken);
    return pool.withTransaction(conn -> repository.useLink(conn, hash).compose(used -> used
        .map(associationId -> openSession(conn, associationId))
        .orElseGet(() -> repository.linkState(conn, hash).map(state -> {
          throw refusal(state);
        }))));
  }

  /** Why a link in that state opens nothing: what its page and the API say. */
  static AppException refusal(AssociationRepository.LinkState state) {
    return switch (state) {
      case UNKNOWN -> AppException.notFound("sign_in_link", null);
      case USED -> AppException.conflict("SIGN_IN_LINK_USED", Map.of());
      // Live when read means it expired between the two statements.
      case EXPIRED, VALID -> new AppException(AppException.Kind.UNAUTHENTICATED, "SIGN_IN_LINK_EXPIRED", Map.of(), List.of());
    };
  }

  private Future<Login> openSession(SqlClient conn, long associationId) {
    String token = Tokens.newToken();
    OffsetDateTime expiresAt = now().plus(SESSION_LIFETIME);
    return repository.insertToken(conn, Tokens.digest(token), associationId, expiresAt)
        .compose(done -> repository.findById(conn, associationId))
        .map(association -> new Login(token, expiresAt, association.orElseThrow()));
  }

  /** Takes part in a copied edition with last edition's profile, and opens a session there. */
  public Future<Login> rejoin(String linkToken) {
    return pool.withTransaction(conn -> repository.rejoin(conn, Tokens.digest(linkToken))
            .compose(joined -> openSession(conn, joined.orElseThrow(
                () -> AppException.notFound("rejoin_link", null)))))
        .recover(UniqueKeys.clashOn(FIELD_BY_CONSTRAINT, "name"));
  }

  /** The association a session token belongs to, if it is one and has not expired. */
  Future<Optional<SignedInAssociation>> authenticate(String token) {
    return repository.findByToken(pool, Tokens.digest(token));
  }

  /** Ends a session: its token is deleted, so a copy of the cookie opens nothing any more. */
  public Future<Void> signOut(String token) {
    return repository.deleteToken(pool, Tokens.digest(token));
  }

  /** The fair's association with that slug, as its organiser acts for it. */
  Future<SignedInAssociation> forOrganiser(Fair fair, String slug) {
    return repository.findBySlug(pool, fair.id(), slug).map(found -> found
        .orElseThrow(() -> AppException.notFound("association", slug)).asOrganiser());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
