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

  static Message decision(Offer offer, OfferStatus.Decision decision, String message, String fairName) {
    String[] words = switch (decision) {
      case ACCEPT -> new String[] {"acceptée", "accepted", "Proposition acceptée", "Offer accepted"};
      case DECLINE -> new String[] {"déclinée", "declined", "Proposition déclinée", "Offer declined"};
      case REQUEST_CHANGES -> new String[] {"à modifier : l'organisation vous demande des changements avant de décider",
          "to be changed: the organisers ask for changes before they decide", "Proposition à modifier", "Changes requested"};
    };
    String title = offer.draft().title();
    String note = message == null ? "" : "\n\n« " + message + " »";
    String noteEn = message == null ? "" : "\n\n“" + message + "”";
    String subject = words[2] + " / " + words[3] + " : " + title + " — " + fairName;
    String body = "Bonjour,\n\nVotre proposition « " + title + " » pour " + fairName + " est " + words[0] + "." + note
        + "\n\n----------\n\nHello,\n\nYour offer “" + title + "” for " + fairName + " is " + words[1] + "." + noteEn
        + "\n";
    return new Message("offer_" + decision.json(), offer.contactEmail(), subject, body);
  }
}
