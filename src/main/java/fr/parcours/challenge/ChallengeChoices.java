package fr.parcours.challenge;

import fr.parcours.booking.ChallengeChoice;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The teacher's manage page picks challenges through the same service and picks as the API. */
public final class ChallengeChoices implements ChallengeChoice {

  private final ChallengeService challenges;
  private final ChallengePicks picks;

  public ChallengeChoices(ChallengeService challenges, ChallengePicks picks) {
    this.challenges = challenges;
    this.picks = picks;
  }

  @Override
  public Future<JsonArray> offered(String fairSlug, JsonObject messages) {
    return challenges.list(fairSlug).map(list -> ChallengeView.forPage(list, messages).getJsonArray("challenges"));
  }

  @Override
  public Future<Void> pick(String token, long challengeId, long slotId) {
    return picks.pick(token, challengeId, slotId);
  }

  @Override
  public Future<Void> drop(String token) {
    return picks.drop(token);
  }
}
