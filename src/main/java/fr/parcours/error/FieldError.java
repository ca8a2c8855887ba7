package fr.parcours.error;

import fr.parcours.i18n.Catalogue;

import java.util.Map;

/**
 * One problem with one input field, named by its JSON path (e.g. {@code school.uai}): a stable
 * code and named parameters; the catalogue says it ({@code problem.CODE}, or {@code error.CODE}
 * for a refusal that names no field) in the page's or the request's language.
 */
public record FieldError(String field, String code, Map<String, Object> params) {

  public FieldError {
    params = Map.copyOf(params);
  }

  /** @deprecated a text in English only: give a code and parameters (see /work/notes/i18n.md). */
  @Deprecated
  public FieldError(String field, String message) {
    this(field, "TEXT", Map.of("text", message));
  }

  public static FieldError of(String field, String code) {
    return new FieldError(field, code, Map.of());
  }

  @SuppressWarnings("unchecked")
  public static FieldError of(String field, String code, Map<String, ?> params) {
    return new FieldError(field, code, (Map<String, Object>) params);
  }

  /** A malformed value; the argument (a bound, the allowed values…) is the problem's one parameter. */
  public static FieldError of(String field, Problem problem, String argument) {
    return new FieldError(field, problem.name(),
        argument == null || problem.parameter() == null ? Map.of() : Map.of(problem.parameter(), argument));
  }

  /** What is wrong, in the language ("doit être après Arrivée du car"). */
  public String text(String language) {
    String key = Catalogue.find(language, "problem." + code).isPresent() ? "problem." + code : "error." + code;
    return Catalogue.say(language, key, params);
  }

  /** The field as its form labels it. */
  public String label(String language) {
    return Catalogue.label(language, field);
  }

  /** The English text, for the API's default and logs. */
  public String message() {
    return text("en");
  }
}
