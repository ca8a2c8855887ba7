package fr.parcours.stand;

/**
 * A numbered stand spot as reservations see it: where it is (its zone's slug for the API, its
 * name for people), how large, whether it has power.
 */
record Spot(long id, String number, long zoneId, String zone, String zoneName, double x, double y, double width,
            double depth, boolean power) {

  /** Square metres of floor: its width times its depth. */
  double area() {
    return width * depth;
  }
}
