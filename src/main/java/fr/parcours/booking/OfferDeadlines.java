package fr.parcours.booking;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Passes on the places offered from a waiting list that were not accepted in time. Every instance
 * sweeps every {@link #SWEEP_SECONDS}: each offer is expired under its track's lock, where it is
 * checked again, so two instances finding the same offer expire it once.
 */
public final class OfferDeadlines {

  /** How late past its deadline an offer may pass on, at most (README, "Offers with a deadline"). */
  public static final int SWEEP_SECONDS = 30;
  private static final int BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(OfferDeadlines.class);

  private final Vertx vertx;
  private final BookingService bookings;
  private long timerId = -1;
  private Future<Integer> sweeping = Future.succeededFuture(0);

  public OfferDeadlines(Vertx vertx, BookingService bookings) {
    this.vertx = vertx;
    this.bookings = bookings;
  }

  public void start() {
    timerId = vertx.setPeriodic(SWEEP_SECONDS * 1000L, tick -> {
      if (sweeping.isComplete()) {
        sweeping = sweep().onFailure(error -> LOG.warn("Offers past their deadline not passed on yet: {}",
            error.getMessage()));
      }
    });
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  /** Expires every offer past its deadline now, one after another; answers how many it looked at. */
  public Future<Integer> sweep() {
    return bookings.expiredOffers(BATCH).compose(tokens -> expireAll(tokens)
        .compose(done -> tokens.size() == BATCH ? sweep().map(more -> more + BATCH) : Future.succeededFuture(tokens.size())));
  }

  private Future<Void> expireAll(List<String> tokens) {
    Future<Void> chain = Future.succeededFuture();
    for (String token : tokens) {
      chain = chain.compose(done -> bookings.expireOffer(token).mapEmpty());
    }
    return chain;
  }
}
