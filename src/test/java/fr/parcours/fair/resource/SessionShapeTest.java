package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionShapeTest {

  private static Map<String, Object> talk() {
    Map<String, Object> row = new HashMap<>();
    row.put("kind", "talk");
    row.put("title", "Après la 3e : quelles voies ?");
    row.put("track_id", 1L);
    row.put("room_id", 2L);
    return row;
  }

  private static List<String> fields(AppException refusal) {
    return refusal.details().stream().map(FieldError::field).toList();
  }

  @Test
  void theActivityDefaultsToTheSlugifiedTitle() {
    Map<String, Object> row = talk();
    SessionShape.complete(row);
    assertEquals("apres-la-3e-quelles-voies", row.get("activity"));
  }

  @Test
  void aGivenActivityIsKept() {
    Map<String, Object> row = talk();
    row.put("activity", "voies");
    SessionShape.complete(row);
    assertEquals("voies", row.get("activity"));
  }

  @Test
  void onlyStandTimeMayGoWithoutATrack() {
    Map<String, Object> row = talk();
    row.remove("track_id");
    assertEquals(List.of("track"), fields(assertThrows(AppException.class, () -> SessionShape.complete(row))));
    row.put("kind", "stand_time");
    SessionShape.complete(row);
  }

  @Test
  void aSessionIsInARoomOrAZoneNotBoth() {
    Map<String, Object> row = talk();
    row.put("zone_id", 3L);
    assertEquals(List.of("room"), fields(assertThrows(AppException.class, () -> SessionShape.complete(row))));
  }

  @Test
  void capacityDefaultsToThePlaceAndStaysWithinIt() {
    Map<String, Object> row = talk();
    SessionShape.fitCapacity(row, 120, "room");
    assertEquals(120, row.get("capacity"));
    row.put("capacity", 121);
    assertEquals(List.of("capacity"),
        fields(assertThrows(AppException.class, () -> SessionShape.fitCapacity(row, 120, "room"))));
  }

  @Test
  void capacityMayNotDropBelowBookings() {
    Map<String, Object> row = talk();
    row.put("capacity", 20);
    row.put("booked", 25);
    AppException refusal = assertThrows(AppException.class, () -> SessionShape.fitCapacity(row, 120, "room"));
    assertEquals(AppException.Kind.CONFLICT, refusal.kind());
  }

  @Test
  void aZoneWithoutCapacityNeedsOneOnTheSession() {
    Map<String, Object> row = talk();
    assertEquals(List.of("capacity"),
        fields(assertThrows(AppException.class, () -> SessionShape.fitCapacity(row, null, "zone"))));
    row.put("capacity", 500);
    SessionShape.fitCapacity(row, null, "zone");
    assertEquals(500, row.get("capacity"));
  }
}
