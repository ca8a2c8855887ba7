package fr.parcours.team;

import fr.parcours.fair.FairRole;
import fr.parcours.i18n.Term;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.Locale;
import java.util.Map;

/**
 * The messages of a fair's team, in the language of the page or Accept-Language the owner
 * added them from (the fair's when none was named): who is asked in is not known yet.
 */
final class TeamMessages {

  private TeamMessages() {
  }

  static Message added(String email, String fairName, FairRole role, String link, String language) {
    return Letter.in(language).line("mail_hello").blank()
        .line("mail_team_added_text", Map.of("fair", fairName, "role", role(role)))
        .data(link)
        .to(email, "team_added", "mail_team_added_subject", Map.of("fair", fairName));
  }

  static Message invited(String email, String fairName, FairRole role, String link, int days, String language) {
    return Letter.in(language).line("mail_hello").blank()
        .line("mail_team_invited_text", Map.of("fair", fairName, "role", role(role), "days", days))
        .data(link)
        .to(email, "team_invited", "mail_team_invited_subject", Map.of("fair", fairName));
  }

  private static Term role(FairRole role) {
    return Term.of("mail_team_role_" + role.name().toLowerCase(Locale.ROOT));
  }
}
