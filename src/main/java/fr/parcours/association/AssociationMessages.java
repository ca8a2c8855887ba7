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

  /** How each decision reads, French then English: the subject, then "your offer … is …". */
  private record Wording(String subjectFr, String subjectEn, String outcomeFr, String outcomeEn) {

    static Wording of(OfferStatus.Decision decision) {
      return switch (decision) {
        case ACCEPT -> new Wording("Proposition acceptée", "Offer accepted", "acceptée", "accepted");
        case DECLINE -> new Wording("Proposition déclinée", "Offer declined", "déclinée", "declined");
        case REQUEST_CHANGES -> new Wording("Proposition à modifier", "Changes requested",
            "à modifier : l'organisation vous demande des changements avant de décider",
            "to be changed: the organisers ask for changes before they decide");
      };
    }
  }

  static Message decision(Offer offer, OfferStatus.Decision decision, String message, String fairName) {
    Wording w = Wording.of(decision);
    String title = offer.draft().title();
    String subject = w.subjectFr() + " / " + w.subjectEn() + " : " + title + " — " + fairName;
    String body = "Bonjour,\n\nVotre proposition « " + title + " » pour " + fairName + " est " + w.outcomeFr() + "."
        + (message == null ? "" : "\n\n« " + message + " »")
        + "\n\n----------\n\nHello,\n\nYour offer “" + title + "” for " + fairName + " is " + w.outcomeEn() + "."
        + (message == null ? "" : "\n\n“" + message + "”") + "\n";
    return new Message("offer_" + decision.json(), offer.contactEmail(), subject, body);
  }
}
