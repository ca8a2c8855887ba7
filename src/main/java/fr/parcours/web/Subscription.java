package fr.parcours.web;

import fr.parcours.calendar.CalendarLinks;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The ways to subscribe to one iCal feed: its address to copy, the {@code webcal://} link that
 * opens the visitor's calendar app, and Google Calendar's "add by URL" link.
 */
public record Subscription(String label, String url) {

  public String webcal() {
    return CalendarLinks.webcal(url);
  }

  public String google() {
    return "https://calendar.google.com/calendar/render?cid=" + URLEncoder.encode(webcal(), StandardCharsets.UTF_8);
  }

  public JsonObject toJson() {
    return new JsonObject().put("label", label).put("url", url).put("webcal", webcal()).put("google", google());
  }
}
