package fr.parcours.association;

import fr.parcours.association.PlacementConflicts.Other;
import fr.parcours.association.PlacementRepository.Scheduled;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conflicts the programme holds now: each placed offer's session checked against all the others. */
class ProgrammeConflictsTest {

  private static final Fair FAIR = new Fair(1, 1, new FairDetails("salon", "Salon", "Bordeaux", "",
      ZoneId.of("Europe/Paris"), FairDetails.PUBLISHED, null, null, 10,
      List.of(new FairDay(LocalDate.of(2027, 3, 18), LocalTime.of(8, 30), LocalTime.of(17, 0))), "fr"));
  private static final long AMPHI = 1;
  private static final long SALLE = 2;

  @Test
  void twoOffersInOneRoomAtOnceEachNameTheOtherAndAFreeOneIsLeftOut() {
    List<Scheduled> programme = List.of(
        session(10, "Les métiers de la mer", 100L, AMPHI, "Amphi", 120, "09:00", "09:30"),
        session(11, "Devenir avocat", 200L, AMPHI, "Amphi", 120, "09:15", "09:45"),
        session(12, "Le numérique", 300L, SALLE, "Salle 1", 60, "09:00", "09:30"));
    Map<Long, List<FieldError>> found = ProgrammeConflicts.find(FAIR,
        List.of(offer(1, 100, "Océan Propre", 10), offer(2, 200, "Barreau", 11), offer(3, 300, "Numérique", 12)),
        programme);
    assertEquals(List.of(10L, 11L), List.copyOf(found.keySet()));
    assertTrue(found.get(10L).get(0).message().contains("\"Devenir avocat\" (session 11"), found.toString());
    assertTrue(found.get(11L).get(0).message().contains("\"Les métiers de la mer\" (session 10"), found.toString());
  }

  @Test
  void aSessionNotFromAnOfferIsCheckedAgainstButNotItself() {
    List<Scheduled> programme = List.of(
        session(10, "Les métiers de la mer", 100L, SALLE, "Salle 1", 20, "09:00", "09:30"),
        session(20, "Accueil des classes", null, SALLE, "Salle 1", 20, "09:00", "10:00"));
    Map<Long, List<FieldError>> found = ProgrammeConflicts.find(FAIR, List.of(offer(1, 100, "Océan Propre", 10)),
        programme);
    assertEquals(List.of(10L), List.copyOf(found.keySet()));
    assertEquals(2, found.get(10L).size(), "the room is taken and seats fewer than a class of 30: " + found);
  }

  private static Scheduled session(long id, String title, Long associationId, long roomId, String room, int capacity,
                                   String from, String until) {
    Interval period = new Interval(OffsetDateTime.parse("2027-03-18T" + from + ":00+01:00"),
        OffsetDateTime.parse("2027-03-18T" + until + ":00+01:00"));
    return new Scheduled(new Other(id, title, associationId == null ? null : "Association " + associationId, room,
        period), roomId, associationId, new PlacementRepository.Room(roomId, null,
        new PlacementConflicts.Room(room, capacity)), new PlacementRepository.Track("S'orienter", 30));
  }

  private static Offer offer(long id, long associationId, String name, long sessionId) {
    OfferDraft draft = new OfferDraft(OfferKind.TALK, "s-orienter", "Offre " + id, "", "both", 30, 3, List.of(), List.of(),
        OfferDraft.Needs.NONE);
    return new Offer(id, associationId, "a-" + associationId, name, "contact@example.org", "fr", 1, draft,
        OfferStatus.ACCEPTED, null, sessionId);
  }
}
