package fr.parcours.error;

/**
 * The ways a field's value can be malformed, each with its English text (the API's) and a key
 * under which pages find it in the visitor's language ({@code problem_required}…).
 */
public enum Problem {
  REQUIRED("is required"),
  NOT_TEXT("must be a string"),
  BLANK("must not be blank"),
  NOT_WHOLE_NUMBER("must be a whole number"),
  NOT_NUMBER("must be a number"),
  AT_LEAST("must be at least %s"),
  AT_MOST("must be at most %s"),
  ONE_OF("must be one of %s"),
  NOT_BOOLEAN("must be true or false"),
  NOT_TEXT_LIST("must be an array of texts"),
  BLANK_TEXT("must be a non-blank text"),
  NOT_DATE("must be a date like 2026-03-12"),
  NOT_TIME("must be a time like 09:30"),
  NOT_DATE_TIME("must be a date-time with offset like 2026-03-12T09:00:00+01:00"),
  NOT_TIME_ZONE("must be a time zone like Europe/Paris"),
  NOT_OBJECT("must be an object"),
  NOT_ARRAY("must be an array"),
  NOT_SLUG("must use lower-case letters, digits and dashes only"),
  TOO_LONG("must be at most %s characters"),
  TOO_MANY("must hold at most %s items"),
  NUL_CHARACTER("must not contain a NUL character"),
  NOT_FINITE("must be a finite number");

  private final String english;

  Problem(String english) {
    this.english = english;
  }

  /** The text with its argument (a bound, the allowed values…), in English. */
  public String english(String argument) {
    return String.format(english, argument);
  }

  public String key() {
    return "problem_" + name().toLowerCase();
  }
}
