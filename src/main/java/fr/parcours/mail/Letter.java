package fr.parcours.mail;

import fr.parcours.i18n.Catalogue;

import java.util.Map;

/**
 * An email written in ONE language, its reader's: every sentence is a catalogue text
 * ({@code mail_…} keys) said with its parameters, so a message never mixes two languages.
 * Texts that are data (titles, names, links) are parameters or {@link #data} lines.
 */
public final class Letter {

  private final String language;
  private final StringBuilder body = new StringBuilder();

  private Letter(String language) {
    this.language = Catalogue.supported(language);
  }

  public static Letter in(String language) {
    return new Letter(language);
  }

  public String language() {
    return language;
  }

  /** One sentence of the catalogue, on its own line. */
  public Letter line(String key, Map<String, ?> params) {
    body.append(say(key, params)).append('\n');
    return this;
  }

  public Letter line(String key) {
    return line(key, Map.of());
  }

  /** A line of the reader's own data, as it is (a quoted message, a link). */
  public Letter data(String text) {
    body.append(text).append('\n');
    return this;
  }

  public Letter blank() {
    body.append('\n');
    return this;
  }

  public String say(String key, Map<String, ?> params) {
    return Catalogue.say(language, key, params);
  }

  /** The message, its subject the catalogue's {@code subjectKey}. */
  public Message to(String recipient, String kind, String subjectKey, Map<String, ?> params) {
    return new Message(kind, recipient, say(subjectKey, params), body.toString());
  }
}
