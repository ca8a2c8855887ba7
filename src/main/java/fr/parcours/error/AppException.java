package fr.parcours.error;

import java.util.List;

/**
 * A failure the caller can act on, with a stable code (REGISTRATION_CLOSED, NOT_FOUND…).
 * Domain code throws it; the one failure handler of the web layer turns it into HTTP.
 */
public final class AppException extends RuntimeException {

  /** What kind of failure this is; the web layer maps each kind to one status. */
  public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, UNAVAILABLE }

  private final Kind kind;
  private final String code;
  private final List<FieldError> details;

  public AppException(Kind kind, String code, String message, List<FieldError> details) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public static AppException invalid(List<FieldError> details) {
    return new AppException(Kind.INVALID, "VALIDATION_FAILED", "The request has invalid fields", details);
  }

  public static AppException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static AppException notFound(String what) {
    return new AppException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found", List.of());
  }

  public static AppException conflict(String code, String message) {
    return new AppException(Kind.CONFLICT, code, message, List.of());
  }

  public static AppException conflict(String code, String field, String message) {
    return new AppException(Kind.CONFLICT, code, message, List.of(new FieldError(field, message)));
  }

  public static AppException unprocessable(String code, String message, List<FieldError> details) {
    return new AppException(Kind.UNPROCESSABLE, code, message, details);
  }

  /** A 422 about one field: the message is the field's name followed by what is wrong with it. */
  public static AppException unprocessable(String code, String field, String message) {
    return unprocessable(code, field + " " + message, List.of(new FieldError(field, message)));
  }

  public static AppException unauthenticated(String message) {
    return new AppException(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", message, List.of());
  }

  public static AppException forbidden(String message) {
    return new AppException(Kind.FORBIDDEN, "FORBIDDEN", message, List.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<FieldError> details() {
    return details;
  }
}
