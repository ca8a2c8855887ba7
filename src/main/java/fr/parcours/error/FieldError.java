package fr.parcours.error;

import fr.parcours.i18n.Catalogue;

import java.util.Map;
import java.util.stream.Stream;

/**
 * One problem with one input field, named by its JSON path (e.g. {@code school.uai}): a stable
 * code and named parameters; the catalogue says it ({@code problem.CODE}, else the refusal's
 * {@code error.CODE}; {@code .reason} first when a {@code reason} parameter picks a text) in the
 * page's or the request's language.
 */
public record FieldError(String field, String code, Map<String, Object> params) {

  public FieldError {
    params = Map.copyOf(params);
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
    String reason = params.get("reason") instanceof String r ? "." + r : "";
    String key = Stream.of("problem." + code + reason, "problem." + code, "error." + code + reason)
        .filter(k -> Catalogue.find(language, k).isPresent()).findFirst().orElse("error." + code);
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
