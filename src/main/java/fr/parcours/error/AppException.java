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
  public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, UNAVAILABLE }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> params;
  private final List<FieldError> details;
  private final String literal;

  @SuppressWarnings("unchecked")
  public AppException(Kind kind, String code, Map<String, ?> params, List<FieldError> details) {
    this(kind, code, (Map<String, Object>) Map.copyOf(params), details, null);
  }

  /** @deprecated an English sentence: give a code and parameters (see /work/notes/i18n.md). */
  @Deprecated
  public AppException(Kind kind, String code, String message, List<FieldError> details) {
    this(kind, code, Map.of(), details, message);
  }

  private AppException(Kind kind, String code, Map<String, Object> params, List<FieldError> details, String literal) {
    super(null, null, false, false);
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.details = List.copyOf(details);
    this.literal = literal;
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

  /** @deprecated English only: use {@link #invalid(String, String, Map)}. */
  @Deprecated
  public static AppException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** @deprecated English only: use {@link #notFound(String, Object)}. */
  @Deprecated
  public static AppException notFound(String what) {
    return new AppException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found", List.of());
  }

  /** @deprecated English only: use {@link #conflict(String, Map)}. */
  @Deprecated
  public static AppException conflict(String code, String message) {
    return new AppException(Kind.CONFLICT, code, message, List.of());
  }

  /** @deprecated English only: use {@link #conflict(String, String, Map)}. */
  @Deprecated
  public static AppException conflict(String code, String field, String message) {
    return new AppException(Kind.CONFLICT, code, message, List.of(new FieldError(field, message)));
  }

  /** @deprecated English only: use {@link #unprocessable(String, Map, List)}. */
  @Deprecated
  public static AppException unprocessable(String code, String message, List<FieldError> details) {
    return new AppException(Kind.UNPROCESSABLE, code, message, details);
  }

  /** @deprecated English only: use {@link #unprocessable(String, String, Map)}. */
  @Deprecated
  public static AppException unprocessable(String code, String field, String message) {
    return unprocessable(code, field + " " + message, List.of(new FieldError(field, message)));
  }

  /** @deprecated English only: use {@link #unauthenticatedBecause(String)}. */
  @Deprecated
  public static AppException unauthenticated(String message) {
    return new AppException(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", message, List.of());
  }

  /** @deprecated English only: use {@link #forbiddenBecause(String)}. */
  @Deprecated
  public static AppException forbidden(String message) {
    return new AppException(Kind.FORBIDDEN, "FORBIDDEN", message, List.of());
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
    return literal != null ? new FieldError("", literal) : FieldError.of("", textCode(), params);
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
    if (literal != null) {
      return literal;
    }
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
