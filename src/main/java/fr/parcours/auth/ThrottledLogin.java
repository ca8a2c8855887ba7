package fr.parcours.auth;

import fr.parcours.web.Throttle;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Password login slowed down against guessing, for the API and the organiser's sign-in form
 * alike: every attempt is counted per account and per client address before the password is
 * checked (so a burst of guesses at once is counted too), and a right password gives its count
 * back, so only failures add up.
 */
public final class ThrottledLogin {

  private final AuthService auth;
  private final Throttle throttle;

  public ThrottledLogin(AuthService auth, Throttle throttle) {
    this.auth = auth;
    this.throttle = throttle;
  }

  public Future<AuthService.Login> login(RoutingContext ctx, String email, String password) {
    Throttle.Limits limits = throttle.limits();
    return throttle.take(ctx, limits.loginPerAddress(), limits.loginPerAccount(), email)
        .compose(counted -> auth.login(email, password))
        .compose(login -> throttle.giveBack(ctx, limits.loginPerAddress(), limits.loginPerAccount(), email).map(login));
  }
}
