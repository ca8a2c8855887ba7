package fr.parcours.association;

import fr.parcours.association.PlacementConflicts.Other;
import fr.parcours.association.PlacementConflicts.Placement;
import fr.parcours.association.PlacementConflicts.Room;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairDetails;
import fr.parcours.fair.Interval;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementConflictsTest {

  static final Fair FAIR = new Fair(1, 1, new FairDetails("salon", "Salon", "Bordeaux", "",
      ZoneId.of("Europe/Paris"), FairDetails.PUBLISHED, null, null, 10,
      List.of(new FairDay(LocalDate.of(2027, 3, 18), LocalTime.of(8, 30), LocalTime.of(17, 0))), "fr"));
  private static final Room AMPHI = new Room("Amphi", 120);

  private static Interval at(String start, String end) {
    return new Interval(OffsetDateTime.parse("2027-03-18T" + start + ":00+01:00"),
        OffsetDateTime.parse("2027-03-18T" + end + ":00+01:00"));
  }

  private static Placement talk(Interval period, Room room, int people, List<Interval> availability) {
    return new Placement(period, room, "S'orienter", 30, "Océan Propre", people, availability);
  }

  private static List<FieldError> conflicts(Placement placement, List<Other> inRoom, List<Other> ofAssociation) {
    return PlacementConflicts.find(placement, FAIR, inRoom, ofAssociation);
  }

  @Test
  void aFreeRoomWithinHoursAvailabilityAndPeopleHasNoConflict() {
    Other before = new Other(7, "Les métiers du droit", "Barreau", "Amphi", at("09:00", "09:30"));
    assertEquals(List.of(), conflicts(talk(at("09:30", "10:00"), AMPHI, 1, List.of(at("09:00", "12:00"))),
        List.of(before), List.of(new Other(8, "Plongée", "Océan Propre", "Salle 2", at("09:00", "09:30")))));
  }

  @Test
  void aTakenRoomNamesEachSessionItHoldsAndTheirAssociations() {
    List<Other> inRoom = List.of(
        new Other(7, "Les métiers du droit", "Barreau", "Amphi", at("09:00", "09:30")),
        new Other(9, "Le numérique", null, "Amphi", at("09:20", "09:50")));
    List<FieldError> found = conflicts(talk(at("09:15", "09:45"), AMPHI, 2, List.of()), inRoom, List.of());
    assertEquals(2, found.size());
    assertEquals("room", found.get(0).field());
    assertTrue(found.get(0).message().contains("\"Les métiers du droit\" (session 7, Barreau, Amphi, 9:00–9:30)"),
        found.get(0).message());
    assertTrue(found.get(1).message().contains("\"Le numérique\" (session 9, Amphi, 9:20–9:50)"),
        found.get(1).message());
  }

  @Test
  void aRoomSmallerThanTheTracksClassSizeIsRefused() {
    List<FieldError> found = conflicts(talk(at("09:00", "09:30"), new Room("Salle 4", 24), 1, List.of()),
        List.of(), List.of());
    assertEquals(List.of("ROOM_TOO_SMALL_FOR_TRACK"), found.stream().map(FieldError::code).toList());
    assertEquals("Salle 4 seats 24, fewer than one usual class of track S'orienter (30)", found.get(0).message());
    assertEquals("Salle 4 compte 24 places, moins qu'une classe habituelle du parcours S'orienter (30 élèves)",
        found.get(0).text("fr"));
  }

  @Test
  void outsideTheAssociationsWindowsIsRefusedNamingThem() {
    List<FieldError> found = conflicts(talk(at("11:45", "12:15"), AMPHI, 1,
        List.of(at("09:00", "12:00"), at("14:00", "16:00"))), List.of(), List.of());
    assertEquals(List.of("starts_at"), found.stream().map(FieldError::field).toList());
    assertEquals("Océan Propre's people are there only 9:00–12:00, 14:00–16:00", found.get(0).message());
    assertEquals("Océan Propre n'a des intervenants sur place que 9 h–12 h, 14 h–16 h", found.get(0).text("fr"));
  }

  @Test
  void moreSessionsAtOnceThanPeopleIsRefusedNamingTheSessionsRunningThen() {
    List<Other> own = List.of(
        new Other(3, "Plongée", "Océan Propre", "Salle 2", at("09:00", "09:30")),
        new Other(4, "Les marées", "Océan Propre", "Salle 3", at("09:30", "10:00")));
    // Each overlaps the new talk, never each other: two people are enough.
    assertEquals(List.of(), conflicts(talk(at("09:15", "09:45"), AMPHI, 2, List.of()), List.of(), own));
    List<FieldError> found = conflicts(talk(at("09:15", "09:45"), AMPHI, 1, List.of()), List.of(), own);
    assertEquals(1, found.size());
    assertEquals("starts_at", found.get(0).field());
    assertTrue(found.get(0).message().startsWith("Océan Propre can spare 1 person at once and already runs "
        + "\"Plongée\" (session 3, Océan Propre, Salle 2, 9:00–9:30)"), found.get(0).message());
    assertTrue(found.get(0).text("fr").startsWith("Océan Propre peut mobiliser 1 personne à la fois et anime déjà "
        + "« Plongée » (séance 3, Océan Propre, Salle 2, 9 h–9 h 30)"), found.get(0).text("fr"));
  }

  @Test
  void outsideOpeningHoursIsRefused() {
    List<FieldError> found = conflicts(talk(at("16:45", "17:15"), AMPHI, 1, List.of()), List.of(), List.of());
    assertEquals(List.of("OUTSIDE_FAIR_HOURS"), found.stream().map(FieldError::code).toList());
    assertEquals("falls outside the fair's opening hours (Thursday 18 March 2027, 8:30–17:00)", found.get(0).message());
    assertEquals("tombe en dehors des heures d'ouverture du salon (jeudi 18 mars 2027, 8 h 30–17 h)",
        found.get(0).text("fr"));
  }

  @Test
  void everyConflictIsListedAtOnce() {
    List<FieldError> found = conflicts(talk(at("16:45", "17:15"), new Room("Salle 4", 10), 1,
            List.of(at("09:00", "12:00"))),
        List.of(new Other(7, "Droit", "Barreau", "Salle 4", at("16:30", "17:00"))),
        List.of(new Other(3, "Plongée", "Océan Propre", "Salle 2", at("16:30", "17:00"))));
    assertEquals(List.of("starts_at", "room", "room", "starts_at", "starts_at"),
        found.stream().map(FieldError::field).toList());
  }
}
