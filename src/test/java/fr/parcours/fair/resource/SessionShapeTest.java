package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionShapeTest {

  private static SessionRow talk() {
    return session("talk", 1L, 2L, null, null, null);
  }

  private static SessionRow session(String kind, Long trackId, Long roomId, Long zoneId, Integer capacity, Integer booked) {
    return new SessionRow(null, kind, "Après la 3e : quelles voies ?", null, trackId, roomId, zoneId, null, null,
        capacity, "scheduled", booked);
  }

  private static List<String> fields(AppException refusal) {
    return refusal.details().stream().map(FieldError::field).toList();
  }

  @Test
  void theActivityDefaultsToTheSlugifiedTitle() {
    assertEquals("apres-la-3e-quelles-voies", SessionShape.complete(talk()).activity());
  }

  @Test
  void aGivenActivityIsKept() {
    assertEquals("voies", SessionShape.complete(talk().withActivity("voies")).activity());
  }

  @Test
  void onlyStandTimeMayGoWithoutATrack() {
    SessionRow noTrack = session("talk", null, 2L, null, null, null);
    assertEquals(List.of("track"), fields(assertThrows(AppException.class, () -> SessionShape.complete(noTrack))));
    SessionShape.complete(session("stand_time", null, 2L, null, null, null));
  }

  @Test
  void aSessionIsInARoomOrAZoneNotBoth() {
    SessionRow both = session("talk", 1L, 2L, 3L, null, null);
    assertEquals(List.of("room"), fields(assertThrows(AppException.class, () -> SessionShape.complete(both))));
  }

  @Test
  void capacityDefaultsToThePlaceAndStaysWithinIt() {
    assertEquals(120, SessionShape.fitCapacity(talk(), 120, "room").capacity());
    SessionRow tooLarge = talk().withCapacity(121);
    assertEquals(List.of("capacity"),
        fields(assertThrows(AppException.class, () -> SessionShape.fitCapacity(tooLarge, 120, "room"))));
  }

  @Test
  void capacityMayNotDropBelowBookings() {
    SessionRow row = session("talk", 1L, 2L, null, 20, 25);
    AppException refusal = assertThrows(AppException.class, () -> SessionShape.fitCapacity(row, 120, "room"));
    assertEquals(AppException.Kind.CONFLICT, refusal.kind());
  }

  @Test
  void aZoneWithoutCapacityNeedsOneOnTheSession() {
    SessionRow row = session("talk", 1L, null, 3L, null, null);
    assertEquals(List.of("capacity"),
        fields(assertThrows(AppException.class, () -> SessionShape.fitCapacity(row, null, "zone"))));
    assertEquals(500, SessionShape.fitCapacity(row.withCapacity(500), null, "zone").capacity());
  }

  @Test
  void whatTheRuleCompletedIsWrittenBackToTheRow() {
    ResourceRow row = new ResourceRow(Map.of("title", "Forum", "room_id", 2L));
    ResourceRow completed = SessionShape.fitCapacity(SessionShape.complete(
        session("talk", 1L, 2L, null, null, null)), 80, "room").into(row);
    assertEquals(80, completed.whole("capacity"));
    assertEquals("apres-la-3e-quelles-voies", completed.text("activity"));
    assertEquals(2L, completed.ref("room_id"));
  }
}
