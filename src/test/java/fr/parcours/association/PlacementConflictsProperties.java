package fr.parcours.association;

import fr.parcours.association.PlacementConflicts.Other;
import fr.parcours.association.PlacementConflicts.Placement;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An association's people against a brute-force count, minute by minute, of its sessions running
 * at once during the period: the peak is where PEOPLE_STRETCHED looks, whatever order they start in.
 */
class PlacementConflictsProperties {

  private static final OffsetDateTime NINE = OffsetDateTime.parse("2027-03-18T09:00:00+01:00");

  @Property
  void peopleAreStretchedExactlyWhenThePeakOfSessionsAtOnceExceedsThem(
      @ForAll("periods") Interval period, @ForAll("sessions") List<Other> ofAssociation,
      @ForAll @IntRange(min = 1, max = 4) int people) {
    Placement placement = new Placement(period, new PlacementConflicts.Room("Amphi", 120), "S'orienter", 30,
        "Océan Propre", people, List.of());
    Optional<FieldError> stretched = PlacementConflicts.find(placement, PlacementConflictsTest.FAIR, List.of(), ofAssociation)
        .stream().filter(error -> error.code().equals("PEOPLE_STRETCHED")).findFirst();

    int peak = peak(period, ofAssociation);
    assertEquals(peak + 1 > people, stretched.isPresent(), "peak " + peak + " of others, " + people + " people");
    stretched.ifPresent(error -> assertEquals(peak, ((List<?>) error.params().get("others")).size(), "names the busiest moment"));
  }

  /** The most sessions running at one minute of the period. */
  private static int peak(Interval period, List<Other> others) {
    long minutes = java.time.Duration.between(period.start(), period.end()).toMinutes();
    return IntStream.range(0, (int) minutes).map(m -> {
      OffsetDateTime moment = period.start().plusMinutes(m);
      return (int) others.stream()
          .filter(o -> !o.period().start().isAfter(moment) && o.period().end().isAfter(moment)).count();
    }).max().orElse(0);
  }

  @Provide
  Arbitrary<Interval> periods() {
    return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(1, 12))
        .as((start, length) -> new Interval(NINE.plusMinutes(start * 10L), NINE.plusMinutes((start + length) * 10L)));
  }

  @Provide
  Arbitrary<List<Other>> sessions() {
    return periods().list().ofMaxSize(6).map(periods -> IntStream.range(0, periods.size())
        .mapToObj(i -> new Other(i + 1, "Session " + (i + 1), "Océan Propre", "Salle " + i, periods.get(i))).toList());
  }
}
