package fr.parcours.stand;

import fr.parcours.web.JsonInput;

import java.time.LocalDate;

/** Where the organiser puts a reservation: a spot by number, and a new day or period if given. */
record StandPlacement(String spot, LocalDate day, StandPeriod period) {

  static StandPlacement parse(JsonInput in) {
    String spot = in.requiredText("spot");
    LocalDate day = in.optionalDate("day");
    String period = in.optionalChoice("period", StandPeriod.NAMES);
    in.validate();
    return new StandPlacement(spot, day, period == null ? null : StandPeriod.of(period));
  }
}
