package fr.parcours.association;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.UniqueKeys;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
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

  /** {@code language}: the one of the page or Accept-Language it registers with, null for the fair's. */
  public Future<SignedInAssociation> register(Fair fair, JsonInput body, String language) {
    return Future.succeededFuture(body).map(Registration::read)
        .compose(registration -> repository.themeTrack(pool, fair.id(), registration.theme())
            .compose(trackId -> repository.insert(pool, fair.id(), trackId, registration, fair.languageFor(language))))
        .recover(UniqueKeys.clashOn(FIELD_BY_CONSTRAINT, "name"));
  }

  /** Sends a sign-in link if {@code email} is an association's of the fair; says nothing either way. */
  public Future<Void> requestSignIn(Fair fair, String email) {
    return pool.withTransaction(conn -> repository.findByEmail(conn, fair.id(), email)
        .compose(found -> found.map(association -> sendLink(conn, association, fair.details().name()))
            .orElseGet(Future::succeededFuture)));
  }

  private Future<Void> sendLink(SqlClient conn, SignedInAssociation association, String fairName) {
    String token = Tokens.newToken();
    String link = publicUrl + "/associations/sign-in/" + token;
    return repository.insertLink(conn, Tokens.digest(token), association.id(), now().plus(linkLifetime))
        .compose(done -> Outbox.enqueue(conn, AssociationMessages.signInLink(association, fairName, link,
            (int) linkLifetime.toMinutes())));
  }

  /** Uses a sign-in link once and opens a session; an unknown, used or expired link is refused. */
  public Future<Login> redeem(String linkToken) {
    byte[] hash = Tokens.digest(linkToken);
    return pool.withTransaction(conn -> repository.useLink(conn, hash).compose(used -> used
        .map(associationId -> openSession(conn, associationId))
        .orElseGet(() -> repository.linkState(conn, hash).map(AssociationService::refusal))));
  }

  private static Login refusal(AssociationRepository.LinkState state) {
    throw switch (state) {
      case UNKNOWN -> AppException.notFound("sign_in_link", null);
      case USED -> AppException.conflict("SIGN_IN_LINK_USED", Map.of());
      case EXPIRED -> new AppException(AppException.Kind.UNAUTHENTICATED, "SIGN_IN_LINK_EXPIRED", Map.of(), List.of());
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
