package fr.parcours.calendar;

import fr.parcours.web.Subscription;
import io.vertx.core.json.JsonObject;

/**
 * The addresses of every feed, absolute on the public URL. A feed is shown with its https link
 * and its webcal link, which calendar apps open as a subscription in one click.
 */
public record CalendarLinks(String publicUrl) {

  public String fair(String fairSlug) {
    return publicUrl + "/calendars/fairs/" + fairSlug + ".ics";
  }

  public String track(String fairSlug, String trackSlug) {
    return publicUrl + "/calendars/fairs/" + fairSlug + "/tracks/" + trackSlug + ".ics";
  }

  public String room(String fairSlug, String roomSlug) {
    return publicUrl + "/calendars/fairs/" + fairSlug + "/rooms/" + roomSlug + ".ics";
  }

  public String association(String token) {
    return publicUrl + "/calendars/associations/" + token + ".ics";
  }

  public String booking(String token) {
    return publicUrl + "/calendars/bookings/" + token + ".ics";
  }

  public String selection(String token) {
    return publicUrl + "/calendars/selections/" + token + ".ics";
  }

  /** The page of one session, which each event links back to. */
  public String session(String fairSlug, long sessionId) {
    return publicUrl + "/fairs/" + fairSlug + "/sessions/" + sessionId;
  }

  /** {@code calendar_url} and {@code webcal_url} of a feed, as every API answer shows them. */
  public static JsonObject json(String calendarUrl) {
    return new JsonObject().put("calendar_url", calendarUrl).put("webcal_url", Subscription.webcal(calendarUrl));
  }
}
