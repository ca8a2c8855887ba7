package fr.parcours.allocation;

/** The links a request's messages and answers hand out, under the server's public address. */
public record RequestLinks(String publicUrl) {

  /** A request's own page: apart from /manage/, which is a booking's. */
  public static final String PAGE = "/requests/";

  public String manage(String token) {
    return publicUrl + PAGE + token;
  }
}
