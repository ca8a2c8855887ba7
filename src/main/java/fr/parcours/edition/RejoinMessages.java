package fr.parcours.edition;

import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.Map;

/** The invitation last edition's associations get to take part again, in each association's language. */
final class RejoinMessages {

  private RejoinMessages() {
  }

  static Message invitation(CopyRepository.Contact contact, String lastName, String newName, String link) {
    return Letter.in(contact.language()).line("mail_hello").blank()
        .line("mail_association_rejoin_text", Map.of("association", contact.name(), "last", lastName, "fair", newName))
        .data(link).blank()
        .line("mail_association_rejoin_silence")
        .to(contact.email(), "association_rejoin", "mail_association_rejoin_subject", Map.of("fair", newName));
  }
}
