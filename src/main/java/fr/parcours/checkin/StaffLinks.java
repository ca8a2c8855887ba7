package fr.parcours.checkin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the day's staff work: the entrance's check-in page (optionally opened on one class), and the rooms' presence sheets. */
public final class StaffLinks {

  public static final String CHECK_IN = "/staff/fairs/%s/check-in";
  public static final String ROOMS = "/staff/fairs/%s/rooms";
  public static final String SESSION = "/staff/fairs/%s/sessions/%s";

  private StaffLinks() {
  }

  public static String checkIn(String fairSlug) {
    return CHECK_IN.formatted(fairSlug);
  }

  /** Room staff's list of the fair's sessions, to pick theirs. */
  public static String rooms(String fairSlug) {
    return ROOMS.formatted(fairSlug);
  }

  /** One session's presence sheet. */
  public static String session(String fairSlug, String sessionId) {
    return SESSION.formatted(fairSlug, sessionId);
  }

  public static String checkIn(String fairSlug, String code) {
    return checkIn(fairSlug) + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }
}
