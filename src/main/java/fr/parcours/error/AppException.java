package fr.parcours.error;

import fr.parcours.i18n.Catalogue;
import fr.parcours.i18n.Term;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on: a stable code (REGISTRATION_CLOSED, NOT_FOUND…), named
 * parameters and the fields it is about. The catalogue says it ({@code error.CODE}, or
 * {@code error.CODE.reason} when a {@code reason} parameter picks one of a code's texts) in the
 * page's or the request's language. Domain code throws it; the one failure handler of the web
 * layer turns it into HTTP.
 */
public final class AppException extends RuntimeException {

  /** What kind of failure this is; the web layer maps each kind to one status. */
  public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_MANY, UNAVAILABLE }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> params;
  private final List<FieldError> details;

  @SuppressWarnings("unchecked")
  public AppException(Kind kind, String code, Map<String, ?> params, List<FieldError> details) {
    super(null, null, false, false);
    this.kind = kind;
    this.code = code;
    this.params = (Map<String, Object>) Map.copyOf(params);
    this.details = List.copyOf(details);
  }

  public static AppException invalid(List<FieldError> details) {
    return new AppException(Kind.INVALID, "VALIDATION_FAILED", Map.of(), details);
  }

  /** A 400 about one field: {@code problem} is the field's problem code ({@code problem.CODE}). */
  public static AppException invalid(String field, String problem, Map<String, ?> params) {
    return invalid(List.of(FieldError.of(field, problem, params)));
  }

  /** No such thing: {@code thing} names it in the catalogue ({@code thing.fair}…), {@code key} is for programs. */
  public static AppException notFound(String thing, Object key) {
    return new AppException(Kind.NOT_FOUND, "NOT_FOUND",
        key == null ? Map.of("what", Term.of("thing." + thing)) : Map.of("what", Term.of("thing." + thing), "key", key),
        List.of());
  }

  public static AppException conflict(String code, Map<String, ?> params) {
    return new AppException(Kind.CONFLICT, code, params, List.of());
  }

  /** A 409 about one field; the field's text is {@code problem.CODE} (or {@code error.CODE}). */
  public static AppException conflict(String code, String field, Map<String, ?> params) {
    return new AppException(Kind.CONFLICT, code, params, List.of(FieldError.of(field, code, params)));
  }

  public static AppException unprocessable(String code, Map<String, ?> params, List<FieldError> details) {
    return new AppException(Kind.UNPROCESSABLE, code, params, details);
  }

  /** A 422 about one field; the field's text is {@code problem.CODE} (or {@code error.CODE}). */
  public static AppException unprocessable(String code, String field, Map<String, ?> params) {
    return unprocessable(code, params, List.of(FieldError.of(field, code, params)));
  }

  /** A 401; {@code reason} picks the text {@code error.UNAUTHENTICATED.reason}. */
  public static AppException unauthenticatedBecause(String reason) {
    return new AppException(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", Map.of("reason", reason), List.of());
  }

  /** A 403; {@code reason} picks the text {@code error.FORBIDDEN.reason}. */
  public static AppException forbiddenBecause(String reason) {
    return new AppException(Kind.FORBIDDEN, "FORBIDDEN", Map.of("reason", reason), List.of());
  }









  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> params() {
    return params;
  }

  public List<FieldError> details() {
    return details;
  }

  /** The refusal as one problem of no field, for a page that lists a refusal naming none. */
  public FieldError asFieldError() {
    return FieldError.of("", textCode(), params);
  }

  /** The code under which the catalogue has the text: {@code CODE}, or {@code CODE.reason}. */
  private String textCode() {
    return code + (params.get("reason") instanceof String reason ? "." + reason : "");
  }

  /**
   * The refusal in the language: its own text when the catalogue has one, else its one field's
   * label and problem ("Code UAI : doit être…").
   */
  public String text(String language) {
    String key = "error." + textCode();
    if (Catalogue.find(language, key).isEmpty() && details.size() == 1) {
      FieldError only = details.get(0);
      return only.field().isEmpty() ? only.text(language) : Catalogue.say(language, "refusal_of_field", Map.of("label", only.label(language), "problem", only.text(language)));
    }
    return Catalogue.say(language, key, params);
  }

  /** The English text, for logs and the API's default. */
  @Override
  public String getMessage() {
    return text("en");
  }
}
