package fr.parcours.association;

import fr.parcours.mail.Message;

/** The messages an association receives: French first, then English, like the teachers'. */
final class AssociationMessages {

  private AssociationMessages() {
  }

  static Message signInLink(SignedInAssociation association, String fairName, String link, int minutes) {
    String subject = "Votre lien de connexion / Your sign-in link — " + fairName;
    String body = "Bonjour,\n\nPour vous connecter à l'espace de « " + association.name() + " » sur " + fairName
        + ", ouvrez ce lien. Il sert une seule fois et reste valable " + minutes + " minutes :\n" + link
        + "\n\nSi vous n'avez rien demandé, ignorez ce message.\n\n----------\n\n"
        + "Hello,\n\nTo sign in to the space of “" + association.name() + "” on " + fairName
        + ", open this link. It works once and stays valid for " + minutes + " minutes:\n" + link
        + "\n\nIf you did not ask for it, ignore this message.\n";
    return new Message("association_sign_in", association.contactEmail(), subject, body);
  }
}
