package fr.parcours.booking;

import fr.parcours.booking.Alternatives.Window;
import fr.parcours.booking.BookingRequest.ClassGroup;
import fr.parcours.booking.BookingRequest.School;
import fr.parcours.booking.BookingRequest.Teacher;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairDetails;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manage page and its print view are drawn from the booking's records, times on the fair's clock. */
class ManagePageTest {

  private static final LocalDate DAY = LocalDate.of(2027, 1, 14);
  private static final Fair FAIR = new Fair(1, 1, new FairDetails("salon", "Salon", "Bordeaux", null,
      ZoneId.of("Europe/Paris"), FairDetails.PUBLISHED, null, null, 10,
      List.of(new FairDay(DAY, LocalTime.of(8, 30), LocalTime.of(17, 0))), "fr"));
  private static final BookingRequest REQUEST = new BookingRequest(new School("Collège Jean Moulin", "0330001A",
      "Bordeaux"), new Teacher("Mme Durand", "durand@example.org"), new ClassGroup("3e D", "3e"), 25, 2, "decouverte",
      DAY, LocalTime.of(9, 0), LocalTime.of(12, 0));

  /** 8:00 UTC is 9:00 in Paris in January. */
  private static OffsetDateTime utc(int hour, int minute) {
    return DAY.atTime(hour, minute).atOffset(ZoneOffset.UTC);
  }

  private static ShownBooking shown(String status, Route route, Booking.Presence came, ChallengePick pick,
                                    List<Window> windows) {
    Booking booking = new Booking(42, 1, 7, "Découverte", "manage-token", "feed-token", status,
        Booking.WAITLISTED.equals(status) ? 3 : null, REQUEST, "fr", route, came, null);
    return new ShownBooking(booking, FAIR, "https://x/manage/manage-token", "https://x/feed", pick, windows);
  }

  @Test
  void theRouteThePickAndTheHeadcountThatCameAreShownOnTheFairsClock() {
    Route route = new Route(List.of(new SessionSlot(5, "cv", "Atelier CV", "Salle 1", utc(8, 0), utc(8, 30), 30, 27)));
    ChallengePick pick = new ChallengePick(3, "Défi robot", new ChallengePick.Slot(9, utc(10, 0), utc(10, 20), 4,
        "classes", 1), 1);
    JsonObject model = ManagePage.model(shown(Booking.CONFIRMED, route,
        new Booking.Presence(utc(8, 55), 24, 2), pick, List.of()), "fr");

    assertEquals("3e D", model.getString("class_name"));
    assertEquals("jeudi 14 janvier 2027", model.getString("day"));
    assertEquals("09:00", model.getString("arrival"));
    assertEquals(new JsonObject().put("title", "Atelier CV").put("room", "Salle 1").put("time", "09:00 – 09:30"),
        model.getJsonArray("route").getJsonObject(0));
    assertEquals("11:00 – 11:20", model.getJsonObject("picked").getString("time"));
    assertEquals(new JsonObject().put("pupils", 24).put("adults", 2), model.getJsonObject("came"));
    assertEquals(CheckInCode.of(42), model.getString("check_in_code"));
    assertNull(WaitingReason.model(shown(Booking.CONFIRMED, route, null, null, List.of()), "fr"), "a booked class waits for nothing");
  }

  @Test
  void aWaitingClassIsOfferedTheWindowsThatWouldConfirmIt() {
    JsonObject waiting = WaitingReason.model(shown(Booking.WAITLISTED, Route.EMPTY, null, null,
        List.of(new Window(utc(9, 0), utc(11, 30)))), "en");

    JsonObject window = waiting.getJsonArray("windows").getJsonObject(0);
    assertEquals("10:00", window.getString("arrival"));
    assertEquals("12:30", window.getString("departure"));
    assertTrue(waiting.getString("reason").contains("27 people between 9:00 and 12:00"), waiting.getString("reason"));
  }

  @Test
  void onlySlotsWithinTheClassesWindowCanBePicked() {
    List<ChallengeChoice.Offer> challenges = List.of(new ChallengeChoice.Offer(3, "Défi robot", "", List.of(
        new ChallengeChoice.Offer.Slot(9, utc(10, 40), utc(11, 0), "classes", 2),
        new ChallengeChoice.Offer.Slot(10, utc(10, 50), utc(11, 10), "pupils", 40))));
    JsonObject section = ChallengeSection.model(shown(Booking.CONFIRMED, Route.EMPTY, null, null, List.of()), challenges,
        "3:10", new JsonObject().put("challenge_unit_classes", "classes"));

    JsonArray slots = section.getJsonArray("challenges").getJsonObject(0).getJsonArray("slots");
    assertFalse(slots.getJsonObject(0).getBoolean("outside"), "ends as the class leaves");
    assertEquals("11:40 – 12:00", slots.getJsonObject(0).getString("time"));
    assertEquals("classes", slots.getJsonObject(0).getString("unit_label"));
    assertTrue(slots.getJsonObject(1).getBoolean("outside"), "ends after the class left");
    assertTrue(slots.getJsonObject(1).getBoolean("checked") && section.getBoolean("typed_shown"), "the typed slot kept");
  }
}
