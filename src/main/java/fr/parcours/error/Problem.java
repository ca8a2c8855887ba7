package fr.parcours.error;

/**
 * The ways a field's value can be malformed; each is a code whose text is {@code problem.CODE}
 * in the catalogue, with at most one parameter (a bound, the allowed values…).
 */
public enum Problem {
  REQUIRED,
  NOT_TEXT,
  BLANK,
  NOT_WHOLE_NUMBER,
  NOT_NUMBER,
  AT_LEAST("min"),
  AT_MOST("max"),
  ONE_OF("values"),
  NOT_BOOLEAN,
  NOT_TEXT_LIST,
  BLANK_TEXT,
  NOT_DATE,
  NOT_TIME,
  NOT_DATE_TIME,
  NOT_TIME_ZONE,
  NOT_OBJECT,
  NOT_ARRAY,
  NOT_SLUG,
  TOO_LONG("max"),
  TOO_MANY("max"),
  NUL_CHARACTER,
  NOT_FINITE;

  private final String parameter;

  Problem() {
    this(null);
  }

  Problem(String parameter) {
    this.parameter = parameter;
  }

  /** The name of the problem's parameter in its text, or null when it has none. */
  public String parameter() {
    return parameter;
  }
}
