package fr.parcours.stand;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.mail.Message;
import fr.parcours.mail.Wording;

import java.util.Locale;

/** The emails an association receives about its stand: French first, then English. */
final class StandMessages {

  static final Wording PROMOTED = new Wording("stand_promoted", "Emplacement de stand attribué",
      "Stand spot assigned",
      "Bonne nouvelle : un emplacement s'est libéré, votre réservation quitte la liste d'attente.",
      "Good news: a spot freed up and your reservation leaves the waiting list.");
  static final Wording ASSIGNED = new Wording("stand_assigned", "Emplacement de stand attribué",
      "Stand spot assigned",
      "L'organisation vous a attribué un emplacement de stand.",
      "The organisers assigned you a stand spot.");
  static final Wording MOVED = new Wording("stand_moved", "Réservation de stand modifiée",
      "Stand reservation changed",
      "L'organisation a déplacé votre réservation de stand.",
      "The organisers moved your stand reservation.");

  private StandMessages() {
  }

  static Message of(Wording notice, Reservation reservation, Fair fair) {
    String body = part(notice.openingFr(), reservation, fair, Locale.FRENCH)
        + "\n----------\n\n"
        + part(notice.openingEn(), reservation, fair, Locale.ENGLISH);
    return new Message(notice.kind(), reservation.association().email(), notice.subject(fair.details().name()), body);
  }

  private static String part(String opening, Reservation r, Fair fair, Locale locale) {
    boolean fr = locale == Locale.FRENCH;
    Interval times = r.period().on(fair.day(r.day()), fair.zone());
    return (fr ? "Bonjour " : "Hello ") + r.association().name() + ",\n\n"
        + opening + "\n\n"
        + fair.details().name() + "\n"
        + (fr ? "Stand n° " : "Stand no. ") + r.spot().number() +  " (zone " + r.spot().zone() + ")\n"
        + FairTimes.dayLabel(r.day(), locale) + ", " + periodLabel(r.period(), fr) + (fr ? " : " : ": ")
        + FairTimes.clock(times.start(), fair.zone(), locale.getLanguage()) + "–"
        + FairTimes.clock(times.end(), fair.zone(), locale.getLanguage()) + "\n";
  }

  private static String periodLabel(StandPeriod period, boolean fr) {
    return switch (period) {
      case DAY -> fr ? "toute la journée" : "the whole day";
      case MORNING -> fr ? "le matin" : "morning";
      case AFTERNOON -> fr ? "l'après-midi" : "afternoon";
    };
  }
}
