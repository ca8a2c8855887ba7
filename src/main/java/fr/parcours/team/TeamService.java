package fr.parcours.team;

import fr.parcours.auth.AuthService;
import fr.parcours.auth.Organiser;
import fr.parcours.common.Tokens;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.mail.Addresses;
import fr.parcours.mail.Outbox;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fair's team: its owners add people by email with a role (someone without an account gets
 * an invitation link by message), change roles and remove people; a fair always keeps an owner.
 */
public final class TeamService {

  /** How long an invitation's link stays valid. */
  public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
  private static final List<String> ROLES = Arrays.stream(FairRole.values()).map(FairRole::json).toList();

  private final Pool pool;
  private final FairService fairs;
  private final AuthService auth;
  private final String publicUrl;
  private final TeamRepository repository = new TeamRepository();
  /** The fair's lock serialises its team changes, so two owners cannot both step down at once. */
  private final Locks locks;

  public TeamService(Pool pool, FairService fairs, AuthService auth, String publicUrl, Locks locks) {
    this.pool = pool;
    this.locks = locks;
    this.fairs = fairs;
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  /** The members and pending invitations; any member may read them. */
  public Future<JsonObject> team(String fairSlug, Organiser viewer) {
    return fairs.require(fairSlug, viewer, FairRole.STAFF).compose(fair -> Future.all(
            repository.members(pool, fair.id()), repository.invitations(pool, fair.id()))
        .map(all -> TeamJson.team(all.resultAt(0), all.resultAt(1))));
  }

  /**
   * Adds {"email", "role"} to the team, or sets the role of who is in it; owners only. The
   * message is in {@code language} (the owner's page or Accept-Language), null for the fair's.
   */
  public Future<JsonObject> add(String fairSlug, Organiser owner, JsonInput body, String language) {
    return fairs.require(fairSlug, owner, FairRole.OWNER).compose(fair -> {
      String email = body.requiredText("email");
      String role = body.requiredChoice("role", ROLES);
      body.check(email == null || Addresses.valid(email), "email", "NOT_EMAIL", Map.of());
      body.validate();
      FairRole given = FairRole.of(role).orElseThrow();
      return auth.withEmail(email).compose(found -> pool.withTransaction(conn -> locks.take(conn, Lock.fair(fair.id()))
          .compose(locked -> found.isPresent()
              ? putMember(conn, fair, found.get(), given, fair.languageFor(language))
              : invite(conn, fair, email, given, fair.languageFor(language)))));
    });
  }

  private Future<JsonObject> putMember(SqlClient conn, Fair fair, Organiser member, FairRole role, String language) {
    return keepAnOwner(conn, fair, member, role)
        .compose(before -> repository.putMember(conn, fair.id(), member.id(), role)
            .compose(done -> before == null
                ? Outbox.enqueue(conn, TeamMessages.added(member.email(), fair.details().name(), role,
                    publicUrl + "/admin/fairs/" + fair.slug(), language))
                : Future.succeededFuture()))
        .map(done -> TeamJson.member(new TeamRepository.Entry(member.email(), member.name(), role, null)));
  }

  private Future<JsonObject> invite(SqlClient conn, Fair fair, String email, FairRole role, String language) {
    String token = Tokens.newToken();
    OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(INVITATION_LIFETIME);
    return repository.invite(conn, fair.id(), email, role, Tokens.digest(token), expiresAt)
        .compose(done -> Outbox.enqueue(conn, TeamMessages.invited(email, fair.details().name(), role,
            publicUrl + "/admin/invitations/" + token, (int) INVITATION_LIFETIME.toDays(), language)))
        .map(done -> TeamJson.invitation(new TeamRepository.Entry(email, null, role, expiresAt)));
  }

  /**
   * The member's current role (null when not in the team), after checking that giving them
   * {@code role} (null: removing them) leaves the fair an owner.
   */
  private Future<FairRole> keepAnOwner(SqlClient conn, Fair fair, Organiser member, FairRole role) {
    return repository.roleOf(conn, fair.id(), member.id()).compose(current -> {
      if (current.orElse(null) != FairRole.OWNER || role == FairRole.OWNER) {
        return Future.succeededFuture(current.orElse(null));
      }
      return repository.otherOwners(conn, fair.id(), member.id()).map(others -> {
        if (others == 0) {
          throw AppException.conflict("LAST_OWNER", "email", Map.of());
        }
        return current.get();
      });
    });
  }

  /** Takes {@code email} off the team, or withdraws its invitation; owners only. */
  public Future<Void> remove(String fairSlug, Organiser owner, String email) {
    return fairs.require(fairSlug, owner, FairRole.OWNER).compose(fair -> {
      if (email == null || email.isBlank()) {
        throw AppException.invalid("email", "REQUIRED", Map.of());
      }
      return auth.withEmail(email).compose(found -> pool.withTransaction(conn -> locks.take(conn, Lock.fair(fair.id()))
          .compose(locked -> repository.deleteInvitation(conn, fair.id(), email))
          .compose(withdrawn -> found.isEmpty() ? Future.succeededFuture(withdrawn)
              : keepAnOwner(conn, fair, found.get(), null)
                  .compose(before -> repository.deleteMember(conn, fair.id(), found.get().id()))
                  .map(removed -> removed || withdrawn))));
    }).map(removed -> {
      if (!removed) {
        throw AppException.notFound("team_member", email);
      }
      return null;
    });
  }

  /** What an invitation's link offers, as its page shows it before it is accepted. */
  public record Offer(String fairSlug, String fairName, String email, FairRole role, boolean hasAccount) {
  }

  /** An accepted invitation: its organiser signed in, and the fair they joined. */
  public record Joined(AuthService.Login login, String fairSlug) {
  }

  /** What the invitation of {@code token} offers; a used or expired link is NOT_FOUND. */
  public Future<Offer> offer(String token) {
    return invitation(token).compose(offered -> auth.withEmail(offered.email())
        .map(found -> new Offer(offered.fairSlug(), offered.fairName(), offered.email(), offered.role(),
            found.isPresent())));
  }

  private Future<TeamRepository.Invitation> invitation(String token) {
    return repository.pending(pool, Tokens.digest(token))
        .map(found -> found.orElseThrow(() -> AppException.notFound("team_invitation", null)));
  }

  /**
   * Accepts an invitation and signs in: someone without an account gives {"name", "password"}
   * and the account is made; an organiser who has one since the invitation gives their
   * {"password"} (a wrong one is UNAUTHENTICATED). Either then joins the team with the role offered.
   */
  public Future<Joined> accept(String token, JsonInput body) {
    byte[] hash = Tokens.digest(token);
    return invitation(token).compose(offered -> auth.withEmail(offered.email()).compose(existing -> {
      String name = existing.isPresent() ? null : body.requiredText("name");
      String password = body.requiredText("password");
      body.validate();
      Future<AuthService.Login> signedIn = existing.isPresent()
          ? auth.login(offered.email(), password)
          : auth.createOrganiser(offered.email(), name, password).compose(made -> auth.login(offered.email(), password));
      return signedIn.compose(login -> pool.withTransaction(conn -> repository.accept(conn, hash)
              .compose(accepted -> {
                if (!accepted) {
                  throw AppException.notFound("team_invitation", null);
                }
                return repository.putMember(conn, offered.fairId(), login.organiser().id(), offered.role());
              }))
          .map(joined -> new Joined(login, offered.fairSlug())));
    }));
  }
}
