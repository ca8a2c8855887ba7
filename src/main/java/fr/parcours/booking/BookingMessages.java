package fr.parcours.booking;

import fr.parcours.fair.FairTimes;
import fr.parcours.mail.Message;

import java.time.ZoneId;
import java.util.Locale;

/** The emails a teacher receives about a booking: French first, then English. */
final class BookingMessages {

  /** Why we write: each kind has its subject and opening line in both languages. */
  enum Notice {
    CONFIRMED("booking_confirmed", "Inscription confirmée", "Booking confirmed",
        "L'inscription de votre classe est confirmée.", "Your class booking is confirmed."),
    WAITLISTED("booking_waitlisted", "Inscription en liste d'attente", "Booking on the waiting list",
        "Le parcours est complet pour votre créneau : votre classe est en liste d'attente. "
            + "Nous vous écrirons dès qu'une place se libère.",
        "The track is full for your time window: your class is on the waiting list. "
            + "We will write as soon as a place frees up."),
    PROMOTED("booking_promoted", "Place libérée : inscription confirmée", "A place freed up: booking confirmed",
        "Bonne nouvelle : des places se sont libérées, votre classe quitte la liste d'attente.",
        "Good news: places freed up and your class leaves the waiting list."),
    CHANGED("booking_changed", "Inscription modifiée", "Booking changed",
        "Votre inscription a été modifiée.", "Your booking has been changed."),
    CANCELLED("booking_cancelled", "Inscription annulée", "Booking cancelled",
        "Votre inscription est annulée.", "Your booking is cancelled."),
    REROUTED("booking_rerouted", "Parcours modifié", "Route changed",
        "L'organisation a annulé une séance de votre parcours : voici le nouveau parcours de votre classe.",
        "The organisers cancelled a session of your route: here is your class's new route."),
    BUMPED("booking_bumped", "Séance annulée : liste d'attente", "Session cancelled: waiting list",
        "L'organisation a annulé une séance de votre parcours et aucune autre séance n'a de place : votre classe "
            + "passe en liste d'attente. Nous vous écrirons dès qu'une place se libère.",
        "The organisers cancelled a session of your route and no other showing has room: your class is on the "
            + "waiting list. We will write as soon as a place frees up.");

    final String kind;
    final String subjectFr;
    final String subjectEn;
    final String openingFr;
    final String openingEn;

    Notice(String kind, String subjectFr, String subjectEn, String openingFr, String openingEn) {
      this.kind = kind;
      this.subjectFr = subjectFr;
      this.subjectEn = subjectEn;
      this.openingFr = openingFr;
      this.openingEn = openingEn;
    }
  }

  private BookingMessages() {
  }

  static Message of(Notice notice, Booking booking, String fairName, BookingLinks links, ZoneId zone) {
    BookingRequest r = booking.request();
    String subject = notice.subjectFr + " / " + notice.subjectEn + " : " + r.group().name() + " — " + fairName;
    // A cancelled booking has nothing left to change or cancel: its message offers no manage link.
    boolean manageable = notice != Notice.CANCELLED;
    String body = part(notice.openingFr, booking, fairName, zone, Locale.FRENCH)
        + (manageable ? "\nGérer l'inscription (modifier, annuler) : " + links.manage(booking.token()) : "")
        + "\n\n----------\n\n"
        + part(notice.openingEn, booking, fairName, zone, Locale.ENGLISH)
        + (manageable ? "\nManage the booking (change, cancel): " + links.manage(booking.token()) : "") + "\n";
    return new Message(notice.kind, r.teacher().email(), subject, body);
  }

  private static String part(String opening, Booking booking, String fairName, ZoneId zone, Locale locale) {
    boolean fr = locale == Locale.FRENCH;
    BookingRequest r = booking.request();
    StringBuilder text = new StringBuilder()
        .append(fr ? "Bonjour " : "Hello ").append(r.teacher().name()).append(",\n\n")
        .append(opening).append("\n\n")
        .append(fairName).append(" — ").append(fr ? "parcours « " : "track “").append(booking.trackName())
        .append(fr ? " », " : "”, ").append(FairTimes.dayLabel(r.day(), locale))
        .append("\n").append(r.school().name()).append(", ").append(r.group().name()).append(" : ")
        .append(r.pupils()).append(fr ? " élèves, " : " pupils, ")
        .append(r.adults()).append(fr ? " accompagnateurs\n" : " adults\n");
    if (booking.waitlistPosition() != null) {
      text.append(fr ? "Position en liste d'attente : " : "Position on the waiting list: ")
          .append(booking.waitlistPosition()).append("\n");
    }
    if (!booking.route().sessions().isEmpty()) {
      text.append(fr ? "\nVotre parcours :\n" : "\nYour route:\n");
      booking.route().sessions().forEach(s -> text.append("  ")
          .append(FairTimes.clock(s.startsAt(), zone)).append("–")
          .append(FairTimes.clock(s.endsAt(), zone)).append("  ")
          .append(s.titleAndRoom()).append("\n"));
      text.append(fr ? "Puis temps libre sur les stands.\n" : "Then free time among the stands.\n");
    }
    return text.toString();
  }
}
