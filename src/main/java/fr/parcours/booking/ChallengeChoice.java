package fr.parcours.booking;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the manage page needs of challenges (défis), kept behind this so bookings don't depend on them. */
public interface ChallengeChoice {

  /** The fair's challenges, each slot with its {@code time} label, unit in words and places left. */
  Future<JsonArray> offered(String fairSlug, JsonObject messages);

  /** Picks (or changes to) a slot of a challenge for the booking; a full slot is refused on field "slot". */
  Future<Void> pick(String token, long challengeId, long slotId);

  /** Gives the booking's pick up. */
  Future<Void> drop(String token);
}
