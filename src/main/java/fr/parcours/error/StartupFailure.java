package fr.parcours.error;

/**
 * A reason the server cannot start that an operator fixes (a busy port, a bad setting, a
 * schema that does not match the jar). Its message is one line naming what to change; the
 * entry point prints it instead of a stack trace and exits non-zero.
 */
public final class StartupFailure extends RuntimeException {

  public StartupFailure(String message) {
    super(message);
  }

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
