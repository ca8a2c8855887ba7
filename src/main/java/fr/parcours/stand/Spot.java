package fr.parcours.stand;

/** A numbered stand spot as reservations see it: where it is, how large, whether it has power. */
record Spot(long id, String number, long zoneId, String zone, double x, double y, double width, double depth,
            boolean power) {

  /** Square metres of floor: its width times its depth. */
  double area() {
    return width * depth;
  }
}
