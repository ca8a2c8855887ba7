package fr.parcours.allocation;

import fr.parcours.auth.Organiser;
import fr.parcours.booking.BookingService;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/** The places a fair's allocation keeps for priority education, first-time schools or a level (its editors). */
public final class AllocationShareService {

  private final Pool pool;
  private final FairService fairs;
  private final BookingService bookings;
  private final AllocationShareRepository repository = new AllocationShareRepository();

  public AllocationShareService(Pool pool, FairService fairs, BookingService bookings) {
    this.pool = pool;
    this.fairs = fairs;
    this.bookings = bookings;
  }

  public Future<List<Share>> shares(String fairSlug, Organiser editor) {
    return fairs.require(fairSlug, editor, FairRole.EDITOR).compose(fair -> repository.shares(pool, fair.id()));
  }

  /** Replaces the fair's shares; the body is read once the role is checked. */
  public Future<List<Share>> save(String fairSlug, Organiser editor, JsonInput body) {
    return fairs.require(fairSlug, editor, FairRole.EDITOR).compose(fair -> bookings.rules(fair).compose(rules -> {
      List<Share> shares = AllocationShareInput.parse(body, rules.levels());
      return pool.withTransaction(conn -> repository.replace(conn, fair.id(), shares)).map(saved -> shares);
    }));
  }
}
