package fr.parcours.association;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.List;
import java.util.Map;

/** The messages an association receives; its offers' decisions in its own language only. */
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

  /** The organisers' decision on an offer, in the association's language, with their message as they wrote it. */
  static Message decision(Offer offer, OfferStatus.Decision decision, String message, String fairName) {
    String kind = "offer_" + decision.json();
    Map<String, String> about = Map.of("title", offer.draft().title(), "fair", fairName);
    Letter letter = Letter.in(offer.language()).line("mail_hello").blank().line("mail_" + kind + "_text", about);
    if (message != null) {
      letter.blank().line("mail_quoted", Map.of("text", message));
    }
    return letter.to(offer.contactEmail(), kind, "mail_" + kind + "_subject", about);
  }

  /** One of an association's offers as the programme now has it: every showing, in time order. */
  record Placed(Offer offer, List<PlacementRepository.Showing> showings) {
  }

  /** The offer is in the programme: each of its showings, as the fair's clock says them. */
  static Message placed(Offer offer, List<PlacementRepository.Showing> showings, Fair fair) {
    return placed(List.of(new Placed(offer, showings)), fair);
  }

  /**
   * One email for several of an association's offers (a plan applied): each with its showings,
   * or said to be no longer in the programme when it has none left. One offer in the programme
   * keeps its own subject.
   */
  static Message placed(List<Placed> offers, Fair fair) {
    Offer first = offers.get(0).offer();
    Letter letter = Letter.in(first.language()).line("mail_hello");
    for (Placed placed : offers) {
      Map<String, String> about = about(placed.offer(), fair);
      letter.blank();
      if (placed.showings().isEmpty()) {
        letter.line("mail_offer_unplaced_text", about);
      } else {
        letter.line("mail_offer_placed_text", about);
      }
      placed.showings().forEach(showing -> letter.line("mail_offer_placed_session", Map.of(
          "day", FairTimes.local(showing.period().start(), fair.zone()).toLocalDate(),
          "from", FairTimes.clock(showing.period().start(), fair.zone(), letter.language()),
          "to", FairTimes.clock(showing.period().end(), fair.zone(), letter.language()),
          "room", showing.room())));
    }
    return offers.size() == 1 && !offers.get(0).showings().isEmpty()
        ? letter.to(first.contactEmail(), "offer_placed", "mail_offer_placed_subject", about(first, fair))
        : letter.to(first.contactEmail(), "offer_placed", "mail_offers_placed_subject",
            Map.of("fair", fair.details().name()));
  }

  private static Map<String, String> about(Offer offer, Fair fair) {
    return Map.of("title", offer.draft().title(), "fair", fair.details().name());
  }
}
