package fr.parcours.association;

import fr.parcours.mail.Message;

/** The messages an association receives: French first, then English, like the teachers'. */
final class AssociationMessages {

  private AssociationMessages() {
  }

  /** A message carrying a sign-in link valid {@code minutes}. */
  @FunctionalInterface
  interface LinkMessage {
    Message of(SignedInAssociation association, String fairName, String link, int minutes);
  }

  /**
   * Someone registered again with the address of an association that exists: it is told, and
   * given a link, rather than the visitor being told the address is taken.
   */
  static Message alreadyRegistered(SignedInAssociation association, String fairName, String link, int minutes) {
    String subject = "Votre association est déjà inscrite / Your association is already registered — " + fairName;
    String body = "Bonjour,\n\nQuelqu'un (vous, peut-être) vient d'inscrire une association à " + fairName
        + " avec cette adresse, qui est déjà celle de « " + association.name() + " » : rien n'a été créé."
        + " Pour ouvrir son espace, suivez ce lien. Il sert une seule fois et reste valable " + minutes + " minutes :\n"
        + link + "\n\nSi vous n'avez rien demandé, ignorez ce message.\n\n----------\n\n"
        + "Hello,\n\nSomeone (you, perhaps) just registered an association for " + fairName
        + " with this address, which is already that of “" + association.name() + "”: nothing was created."
        + " To open its space, follow this link. It works once and stays valid for " + minutes + " minutes:\n"
        + link + "\n\nIf you did not ask for it, ignore this message.\n";
    return new Message("association_already_registered", association.contactEmail(), subject, body);
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
