package fr.parcours.web;

import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The ways to subscribe to one iCal feed: its address to copy, the {@code webcal://} link that
 * opens the visitor's calendar app, and Google Calendar's "add by URL" link.
 */
public record Subscription(String label, String url) {

  public String webcal() {
    return webcal(url);
  }

  /** The {@code webcal://} form of a feed's address, which calendar apps open as a subscription. */
  public static String webcal(String calendarUrl) {
    return calendarUrl.replaceFirst("^https?://", "webcal://");
  }

  public String google() {
    return "https://calendar.google.com/calendar/render?cid=" + URLEncoder.encode(webcal(), StandardCharsets.UTF_8);
  }

  public JsonObject toJson() {
    return new JsonObject().put("label", label).put("url", url).put("webcal", webcal()).put("google", google());
  }
}
