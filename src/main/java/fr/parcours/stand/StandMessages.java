package fr.parcours.stand;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Term;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.Map;

/** The emails an association receives about its stand, in the association's language only. */
final class StandMessages {

  /** Why we write: the kind names the message in logs and its subject and opening in the catalogue. */
  enum Notice {
    CONFIRMED("stand_confirmed"),
    PROMOTED("stand_promoted"),
    ASSIGNED("stand_assigned"),
    MOVED("stand_moved");

    final String kind;

    Notice(String kind) {
      this.kind = kind;
    }
  }

  private StandMessages() {
  }

  static Message of(Notice notice, Reservation r, Fair fair) {
    Interval times = r.period().on(fair.day(r.day()), fair.zone());
    Letter letter = Letter.in(r.association().language());
    return letter.line("mail_hello_name", Map.of("name", r.association().name())).blank()
        .line("mail_" + notice.kind + "_opening").blank()
        .data(fair.details().name())
        .line("mail_stand_spot", Map.of("number", r.spot().number(), "zone", r.spot().zoneName()))
        .line("mail_stand_when", Map.of("day", r.day(), "period", Term.of("mail_stand_period_" + r.period().json()),
            "from", FairTimes.clock(times.start(), fair.zone(), letter.language()),
            "to", FairTimes.clock(times.end(), fair.zone(), letter.language())))
        .to(r.association().email(), notice.kind, "mail_" + notice.kind + "_subject",
            Map.of("fair", fair.details().name()));
  }
}
