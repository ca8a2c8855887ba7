package fr.parcours.booking;

import io.vertx.core.Future;

import java.time.OffsetDateTime;
import java.util.List;

/** What the manage page needs of challenges (défis), kept behind this so bookings don't depend on them. */
public interface ChallengeChoice {

  /** A challenge as a class may pick it: its presentation slots with their places left. */
  record Offer(long id, String title, String description, List<Slot> slots) {

    public Offer {
      slots = List.copyOf(slots);
    }

    /** {@code left} counts classes or pupils, in its {@code unit}. */
    public record Slot(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, String unit, int left) {
    }
  }

  /** The fair's challenges. */
  Future<List<Offer>> offered(String fairSlug);

  /** Picks (or changes to) a slot of a challenge for the booking; a full slot is refused on field "slot". */
  Future<Void> pick(String token, long challengeId, long slotId);

  /** Gives the booking's pick up. */
  Future<Void> drop(String token);
}
