package fr.parcours.fair;

/** A stand spot's footprint on its zone's floor plan, in metres from the zone's corner. */
public record Rectangle(double x, double y, double width, double depth) {

  /** Spots sharing only an edge do not overlap: neighbouring stands stand wall to wall. */
  public boolean overlaps(Rectangle other) {
    return x < other.x + other.width && other.x < x + width
        && y < other.y + other.depth && other.y < y + depth;
  }
}
