package fr.parcours.auth;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Organiser accounts: creation, password login into a bearer token, token checks. */
public final class AuthService {

  /** What a successful login hands back: the bearer token to send with every write. */
  public record Login(String token, OffsetDateTime expiresAt, Organiser organiser) {
  }

  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

  private final Vertx vertx;
  private final AuthRepository repository;

  public AuthService(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.repository = new AuthRepository(pool);
  }

  public Future<Organiser> createOrganiser(String email, String name, String password) {
    if (password == null || !Passwords.acceptable(password)) {
      return Future.failedFuture(AppException.invalid("password", "PASSWORD_LENGTH",
          Map.of("min", Passwords.MIN_LENGTH, "max", Passwords.MAX_BYTES)));
    }
    // bcrypt is deliberately slow: keep it off the event loop.
    return vertx.executeBlocking(() -> Passwords.hash(password))
        .compose(hash -> repository.insertOrganiser(email, name, hash));
  }

  /** Creates the organiser unless one with this email exists; returns whether it did. */
  public Future<Boolean> ensureOrganiser(String email, String name, String password) {
    return repository.findByEmail(email).compose(found -> found.isPresent()
        ? Future.succeededFuture(false)
        : createOrganiser(email, name, password).map(true).recover(AuthService::createdByAnother));
  }

  /** Two instances starting together may both find no organiser: the second insert then clashes. */
  private static Future<Boolean> createdByAnother(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        ? Future.succeededFuture(false)
        : Future.failedFuture(failure);
  }

  public Future<Organiser> findOrganiser(String email) {
    return repository.findByEmail(email).map(found -> found
        .orElseThrow(() -> AppException.notFound("organiser", email)).organiser());
  }

  /** The organiser with that email (any case), if there is one. */
  public Future<Optional<Organiser>> withEmail(String email) {
    return repository.findByEmail(email).map(found -> found.map(AuthRepository.Credentials::organiser));
  }

  public Future<Login> login(String email, String password) {
    return repository.findByEmail(email)
        .compose(found -> vertx.executeBlocking(() -> Passwords.matches(password,
                found.map(AuthRepository.Credentials::passwordHash).orElse(null))
            ? found.get()
            : failLogin()))
        .compose(credentials -> issueToken(credentials.organiser()));
  }

  private static AuthRepository.Credentials failLogin() {
    throw AppException.unauthenticatedBecause("login_failed");
  }

  public Future<Organiser> authenticate(String token) {
    return repository.findByToken(Tokens.digest(token)).map(found -> found
        .orElseThrow(() -> AppException.unauthenticatedBecause("token")));
  }

  public Future<Void> logout(String token) {
    return repository.deleteToken(Tokens.digest(token));
  }

  private Future<Login> issueToken(Organiser organiser) {
    String token = Tokens.newToken();
    OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(TOKEN_LIFETIME);
    return repository.insertToken(Tokens.digest(token), organiser.id(), expiresAt)
        .map(done -> new Login(token, expiresAt, organiser));
  }
}
