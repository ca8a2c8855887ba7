package fr.parcours.web;

import fr.parcours.common.Tokens;
import fr.parcours.config.AppConfig;
import fr.parcours.config.Settings;
import fr.parcours.db.RateCounters;
import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate limits, counted in PostgreSQL so that every instance counts together (a fixed window per
 * limit and key, one upsert a request, nothing held in memory). Past a limit the request is
 * refused with 429 {@code TOO_MANY_REQUESTS} and a {@code Retry-After} of the seconds left in
 * the window, whichever way it is then answered (JSON, or a page showing the refusal).
 */
public final class Throttle {

  /** At most {@code max} requests of one key in each window of {@code windowSeconds}. */
  public record Limit(String name, int max, int windowSeconds) {
  }

  /** The server's limits, from the {@code limits.*} settings. */
  public record Limits(Limit loginPerAccount, Limit loginPerAddress, Limit linksPerEmail, Limit linksPerAddress,
                       Limit bookingsPerEmail, Limit bookingsPerAddress) {

    public static Limits of(AppConfig config) {
      int login = config.get(Settings.LIMITS_LOGIN_WINDOW_SECONDS);
      int window = config.get(Settings.LIMITS_WINDOW_SECONDS);
      return new Limits(new Limit("login_account", config.get(Settings.LIMITS_LOGIN_FAILURES_PER_ACCOUNT), login),
          new Limit("login_address", config.get(Settings.LIMITS_LOGIN_FAILURES_PER_ADDRESS), login),
          new Limit("links_email", config.get(Settings.LIMITS_SIGN_IN_LINKS_PER_EMAIL), window),
          new Limit("links_address", config.get(Settings.LIMITS_SIGN_IN_LINKS_PER_ADDRESS), window),
          new Limit("bookings_email", config.get(Settings.LIMITS_BOOKINGS_PER_EMAIL), window),
          new Limit("bookings_address", config.get(Settings.LIMITS_BOOKINGS_PER_ADDRESS), window));
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);
  private static final long SWEEP_EVERY_MS = 10 * 60_000;

  private final RateCounters counters;
  private final ClientAddress clients;
  private final Limits limits;
  private final AtomicLong nextSweep = new AtomicLong();

  public Throttle(Pool pool, ClientAddress clients, Limits limits) {
    this.counters = new RateCounters(pool);
    this.clients = clients;
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /** Counts one request of {@code key} (an email, an account: any case) under the limit; fails with 429 past it. */
  public Future<Void> take(RoutingContext ctx, Limit limit, String key) {
    sweepNowAndThen();
    return counters.hit(digest(limit, key), limit.windowSeconds()).map(count -> {
      refuseOver(ctx, limit, count);
      return null;
    });
  }

  /**
   * Counts one request both of the client address and of {@code key}, the address first: {@code
   * key} is not counted when the address is over its limit. One statement for both.
   */
  public Future<Void> take(RoutingContext ctx, Limit perAddress, Limit perKey, String key) {
    sweepNowAndThen();
    return counters.hitBoth(digest(perAddress, clients.of(ctx.request())), perAddress.windowSeconds(), perAddress.max(),
        digest(perKey, key), perKey.windowSeconds()).map(counts -> {
          refuseOver(ctx, perAddress, counts.get(0));
          refuseOver(ctx, perKey, counts.get(1));
          return null;
        });
  }

  /** Gives back what {@link #take(RoutingContext, Limit, Limit, String)} counted: only failures count. */
  public Future<Void> giveBack(RoutingContext ctx, Limit perAddress, Limit perKey, String key) {
    return Future.all(counters.giveBack(digest(perAddress, clients.of(ctx.request()))),
        counters.giveBack(digest(perKey, key))).mapEmpty();
  }

  private static void refuseOver(RoutingContext ctx, Limit limit, RateCounters.Count count) {
    if (count.hits() > limit.max()) {
      ctx.response().putHeader("Retry-After", String.valueOf(count.secondsLeft()));
      throw new AppException(AppException.Kind.TOO_MANY, "TOO_MANY_REQUESTS", Map.of("seconds", count.secondsLeft()),
          List.of());
    }
  }

  private static byte[] digest(Limit limit, String key) {
    return Tokens.digest(limit.name() + "\n" + key.strip().toLowerCase(Locale.ROOT));
  }

  /** Ended windows are deleted by whichever request comes first every ten minutes on each instance. */
  private void sweepNowAndThen() {
    long now = System.currentTimeMillis();
    long due = nextSweep.get();
    if (now >= due && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MS)) {
      counters.sweep().onFailure(failure -> LOG.warn("Could not sweep ended rate counters: {}", failure.toString()));
    }
  }
}
