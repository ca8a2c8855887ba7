package fr.parcours.checkin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the entrance's staff work: the check-in page of a fair, optionally opened on one class. */
public final class StaffLinks {

  public static final String CHECK_IN = "/staff/fairs/%s/check-in";

  private StaffLinks() {
  }

  public static String checkIn(String fairSlug) {
    return CHECK_IN.formatted(fairSlug);
  }

  public static String checkIn(String fairSlug, String code) {
    return checkIn(fairSlug) + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }
}
