package fr.parcours.checkin;

import fr.parcours.error.AppException;
import fr.parcours.i18n.Term;

import java.util.Map;

/** Who may come in: a confirmed class, with no more people than it booked places for. */
final class CheckInRules {

  private CheckInRules() {
  }

  static void admit(String status, int pupilsBooked, int adultsBooked, CheckInRequest request) {
    if (!"confirmed".equals(status)) {
      throw AppException.conflict("CHECK_IN_NOT_CONFIRMED", Map.of("status", Term.of("status_" + status)));
    }
    // Places were held for the booked headcount: more people would overfill the rooms of the route.
    if (request.pupils() > pupilsBooked) {
      throw AppException.unprocessable("CHECK_IN_ABOVE_BOOKED", "pupils", Map.of("booked", pupilsBooked));
    }
    if (request.adults() > adultsBooked) {
      throw AppException.unprocessable("CHECK_IN_ABOVE_BOOKED", "adults", Map.of("booked", adultsBooked));
    }
  }
}
