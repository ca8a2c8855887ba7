package fr.parcours.stand;

/**
 * What an association asks for: one spot by id, or any spot meeting its needs (power, a
 * minimum width and depth in metres, a zone); a null need is no constraint.
 */
record SpotWish(Long spotId, boolean power, Double minWidth, Double minDepth, Long zoneId) {

  static SpotWish spot(long spotId) {
    return new SpotWish(spotId, false, null, null, null);
  }

  boolean fits(Spot spot) {
    if (spotId != null) {
      return spot.id() == spotId;
    }
    return (!power || spot.power())
        && (minWidth == null || spot.width() >= minWidth)
        && (minDepth == null || spot.depth() >= minDepth)
        && (zoneId == null || spot.zoneId() == zoneId);
  }
}
