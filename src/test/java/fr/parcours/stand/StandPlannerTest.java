package fr.parcours.stand;

import fr.parcours.stand.StandPlanner.Hold;
import fr.parcours.stand.StandPlanner.Promotion;
import fr.parcours.stand.StandPlanner.Waiting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static fr.parcours.stand.StandPeriod.AFTERNOON;
import static fr.parcours.stand.StandPeriod.DAY;
import static fr.parcours.stand.StandPeriod.MORNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandPlannerTest {

  private static final LocalDate DAY_ONE = LocalDate.of(2027, 3, 18);
  private static final SpotWish ANY = new SpotWish(null, false, null, null, null);
  private static final Spot SMALL = new Spot(1, "A1", 10, "hall", "Hall", 0, 0, 2, 2, false);
  private static final Spot LARGE_POWERED = new Spot(2, "A2", 10, "hall", "Hall", 3, 0, 4, 3, true);
  private static final Spot OUTSIDE = new Spot(3, "B1", 20, "garden", "Jardin", 0, 0, 3, 3, false);
  private static final List<Spot> SPOTS = List.of(LARGE_POWERED, SMALL, OUTSIDE);

  @Test
  void theSmallestFreeSpotThatFitsIsPickedSoLargeOnesStayForLargeNeeds() {
    assertEquals(Optional.of(SMALL), StandPlanner.pick(SPOTS, List.of(), DAY_ONE, MORNING, ANY));
    SpotWish wide = new SpotWish(null, false, 3.5, null, null);
    assertEquals(Optional.of(LARGE_POWERED), StandPlanner.pick(SPOTS, List.of(), DAY_ONE, MORNING, wide));
    SpotWish powered = new SpotWish(null, true, null, null, null);
    assertEquals(Optional.of(LARGE_POWERED), StandPlanner.pick(SPOTS, List.of(), DAY_ONE, DAY, powered));
    SpotWish garden = new SpotWish(null, false, null, null, 20L);
    assertEquals(Optional.of(OUTSIDE), StandPlanner.pick(SPOTS, List.of(), DAY_ONE, DAY, garden));
  }

  @Test
  void aWholeDayBlocksBothHalvesAndTheHalvesDoNotBlockEachOther() {
    List<Hold> morning = List.of(new Hold(7, SMALL.id(), DAY_ONE, MORNING));
    SpotWish small = SpotWish.spot(SMALL.id());
    assertTrue(StandPlanner.pick(SPOTS, morning, DAY_ONE, AFTERNOON, small).isPresent());
    assertFalse(StandPlanner.pick(SPOTS, morning, DAY_ONE, DAY, small).isPresent());
    assertFalse(StandPlanner.pick(SPOTS, morning, DAY_ONE, MORNING, small).isPresent());
    assertTrue(StandPlanner.pick(SPOTS, morning, DAY_ONE.plusDays(1), MORNING, small).isPresent());
    List<Hold> wholeDay = List.of(new Hold(7, SMALL.id(), DAY_ONE, DAY));
    assertFalse(StandPlanner.pick(SPOTS, wholeDay, DAY_ONE, AFTERNOON, small).isPresent());
  }

  @Test
  void theWaitingListMovesInRequestOrderAndOneThatFitsNothingDoesNotBlockTheNext() {
    List<Spot> one = List.of(SMALL);
    List<Hold> afternoonTaken = List.of(new Hold(1, SMALL.id(), DAY_ONE, AFTERNOON));
    List<Waiting> queue = List.of(
        new Waiting(5, DAY_ONE, DAY, ANY),
        new Waiting(6, DAY_ONE, MORNING, new SpotWish(null, true, null, null, null)),
        new Waiting(8, DAY_ONE, MORNING, ANY),
        new Waiting(9, DAY_ONE, MORNING, ANY));
    List<Promotion> promoted = StandPlanner.promote(one, afternoonTaken, queue);
    assertEquals(List.of(8L), promoted.stream().map(p -> p.waiting().reservationId()).toList());
    assertEquals(SMALL, promoted.get(0).spot());
  }

  @Test
  void aWishNoSpotCanMeetIsImpossible() {
    assertFalse(StandPlanner.possible(SPOTS, new SpotWish(null, true, null, null, 20L)));
    assertTrue(StandPlanner.possible(SPOTS, new SpotWish(null, true, 4.0, 3.0, 10L)));
  }
}
