package fr.parcours.mail;

/**
 * Why a message is written, in both languages the fair speaks: its kind (logs and file
 * names), subject and opening line in French, then English.
 */
public record Wording(String kind, String subjectFr, String subjectEn, String openingFr, String openingEn) {

  /** "Sujet / Subject — suffix": French first, as every message. */
  public String subject(String suffix) {
    return subjectFr + " / " + subjectEn + " — " + suffix;
  }
}
