package fr.parcours.error;

/**
 * One problem with one input field, named by its JSON path (e.g. {@code school.uai}). A
 * malformed value also names its {@link Problem} (and argument), so pages can say it in the
 * visitor's language; other refusals carry their message alone.
 */
public record FieldError(String field, String message, Problem problem, String argument) {

  public FieldError(String field, String message) {
    this(field, message, null, null);
  }

  public static FieldError of(String field, Problem problem, String argument) {
    return new FieldError(field, problem.english(argument), problem, argument);
  }
}
