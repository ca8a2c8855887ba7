package fr.parcours.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt through a vetted library; cost 11 keeps a login near 100 ms on a small server. */
final class Passwords {

  private static final int COST = 11;
  static final int MIN_LENGTH = 10;
  /** bcrypt reads at most 72 bytes: a longer password would be cut without a word. */
  static final int MAX_BYTES = 72;
  /**
   * Checked against when the email is unknown, so that the answer takes as long either way.
   * Hashed on first need, on the worker thread that checks a password: as a constant of this
   * class it was hashed by whatever touched the class first, the event loop checking a new
   * password's length (a start creating the demo organiser blocked its loop for seconds).
   */
  private static final class Nobody {
    static final String HASH = BCrypt.withDefaults().hashToString(COST, "no such organiser".toCharArray());
  }

  private Passwords() {
  }

  static boolean acceptable(String password) {
    return password.length() >= MIN_LENGTH && !tooLong(password);
  }

  static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  /** Whether {@code password} matches {@code hash}; a null hash (unknown email) never matches. */
  static boolean matches(String password, String hash) {
    boolean usable = hash != null && !tooLong(password);
    String checked = usable ? password : "no such password";
    boolean verified = BCrypt.verifyer().verify(checked.toCharArray(), usable ? hash : Nobody.HASH).verified;
    return usable && verified;
  }

  private static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }
}
