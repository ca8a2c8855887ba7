package fr.parcours.challenge;

import fr.parcours.booking.ChallengeChoice;
import io.vertx.core.Future;

import java.util.List;

/** The teacher's manage page picks challenges through the same service and picks as the API. */
public final class ChallengeChoices implements ChallengeChoice {

  private final ChallengeService challenges;
  private final ChallengePicks picks;

  public ChallengeChoices(ChallengeService challenges, ChallengePicks picks) {
    this.challenges = challenges;
    this.picks = picks;
  }

  @Override
  public Future<List<Offer>> offered(String fairSlug) {
    return challenges.challenges(fairSlug).map(list -> list.stream().map(ChallengeChoices::offer).toList());
  }

  private static Offer offer(Challenge challenge) {
    return new Offer(challenge.id(), challenge.title(), challenge.description(), challenge.slots().stream()
        .map(slot -> new Offer.Slot(slot.id(), slot.startsAt(), slot.endsAt(), slot.unit(), slot.capacity() - slot.taken()))
        .toList());
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
