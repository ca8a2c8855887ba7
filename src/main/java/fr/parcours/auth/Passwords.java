package fr.parcours.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt through a vetted library; cost 11 keeps a login near 100 ms on a small server. */
final class Passwords {

  private static final int COST = 11;
  static final int MIN_LENGTH = 10;

  private Passwords() {
  }

  static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  static boolean matches(String password, String hash) {
    return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
  }
}
