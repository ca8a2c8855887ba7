package fr.parcours.team;

import fr.parcours.fair.FairRole;
import fr.parcours.mail.Message;

/** The messages of a fair's team, French first, then English, like every message. */
final class TeamMessages {

  private TeamMessages() {
  }

  static Message added(String email, String fairName, FairRole role, String link) {
    String subject = "Vous rejoignez l'équipe / You join the team — " + fairName;
    String body = "Bonjour,\n\nVous faites maintenant partie de l'équipe de " + fairName + " (" + roleFr(role)
        + "). Connectez-vous avec votre compte habituel :\n" + link
        + "\n\n----------\n\nHello,\n\nYou are now in the team of " + fairName + " (" + roleEn(role)
        + "). Sign in with your usual account:\n" + link + "\n";
    return new Message("team_added", email, subject, body);
  }

  static Message invited(String email, String fairName, FairRole role, String link, int days) {
    String subject = "Invitation dans l'équipe / Invitation to the team — " + fairName;
    String body = "Bonjour,\n\nVous êtes invité·e dans l'équipe de " + fairName + " (" + roleFr(role)
        + "). Pour accepter, ouvrez ce lien et choisissez votre nom et votre mot de passe ; il reste valable "
        + days + " jours :\n" + link
        + "\n\n----------\n\nHello,\n\nYou are invited to the team of " + fairName + " (" + roleEn(role)
        + "). To accept, open this link and choose your name and password; it stays valid " + days + " days:\n"
        + link + "\n";
    return new Message("team_invited", email, subject, body);
  }

  private static String roleFr(FairRole role) {
    return switch (role) {
      case OWNER -> "responsable : modifie le salon et gère l'équipe";
      case EDITOR -> "organisation : modifie le salon";
      case STAFF -> "accueil : consulte les listes et pointe les classes le jour même";
    };
  }

  private static String roleEn(FairRole role) {
    return switch (role) {
      case OWNER -> "owner: changes the fair and manages the team";
      case EDITOR -> "editor: changes the fair";
      case STAFF -> "staff: reads the lists and checks classes in on the day";
    };
  }
}
