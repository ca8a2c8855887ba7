package fr.parcours.checkin;

import fr.parcours.booking.BookingRequest;
import fr.parcours.booking.CheckInCode;
import fr.parcours.db.IdempotencyKeys;
import fr.parcours.web.JsonInput;

import java.util.Map;

/** What staff send at the entrance: the class's code and the headcount that came. */
public record CheckInRequest(long bookingId, String code, int pupils, int adults) {

  public static CheckInRequest parse(JsonInput in) {
    String code = in.requiredText("code");
    Integer pupils = in.requiredInt("pupils", 1, BookingRequest.MAX_PUPILS);
    Integer adults = in.requiredInt("adults", 0, BookingRequest.MAX_ADULTS);
    long id = -1;
    if (code != null) {
      id = CheckInCode.parse(code).orElse(-1);
      in.check(id >= 0, "code", "CHECK_IN_CODE", Map.of());
    }
    in.validate();
    return new CheckInRequest(id, CheckInCode.of(id), pupils, adults);
  }

  /** What a retry with the same Idempotency-Key must repeat. */
  String fingerprint() {
    return IdempotencyKeys.fingerprint(code + "|" + pupils + "|" + adults);
  }
}
