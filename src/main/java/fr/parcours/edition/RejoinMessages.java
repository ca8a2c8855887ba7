package fr.parcours.edition;

import fr.parcours.mail.Message;

/** The invitation last edition's associations get to take part again, French first. */
final class RejoinMessages {

  private RejoinMessages() {
  }

  static Message invitation(CopyRepository.Contact contact, String lastName, String newName, String link) {
    String subject = "Participez à nouveau / Take part again — " + newName;
    String body = "Bonjour,\n\n« " + contact.name() + " » a participé à " + lastName + ". " + newName
        + " se prépare : pour y participer à nouveau avec le même profil (nom, thème, description, site, contact), "
        + "ouvrez ce lien et confirmez en un clic :\n" + link
        + "\n\nSans réponse de votre part, rien n'est transmis au nouveau salon.\n\n----------\n\n"
        + "Hello,\n\n“" + contact.name() + "” took part in " + lastName + ". " + newName
        + " is being prepared: to take part again with the same profile (name, theme, description, website, "
        + "contact), open this link and confirm in one click:\n" + link
        + "\n\nUnless you answer, nothing is passed on to the new fair.\n";
    return new Message("association_rejoin", contact.email(), subject, body);
  }
}
