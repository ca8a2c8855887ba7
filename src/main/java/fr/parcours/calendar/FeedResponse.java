package fr.parcours.calendar;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Serves a rendered feed the way polling calendar clients expect: validators on every answer,
 * 304 when the client's copy is current (If-None-Match first, as RFC 9110 says, else
 * If-Modified-Since), and HEAD answered with the headers alone.
 */
final class FeedResponse {

  // IMF-fixdate (RFC 9110): a two-digit day, which RFC_1123_DATE_TIME does not write.
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final CharSequence CALENDAR = HttpHeaders.createOptimized("text/calendar; charset=utf-8");
  private static final CharSequence CONTENT_DISPOSITION = HttpHeaders.createOptimized("Content-Disposition");
  private static final CharSequence INLINE = HttpHeaders.createOptimized("inline; filename=\"parcours.ics\"");

  private FeedResponse() {
  }

  static void send(RoutingContext ctx, RenderedFeed feed, CharSequence cacheControl) {
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, CALENDAR)
        .putHeader(HttpHeaders.LAST_MODIFIED, feed.lastModifiedHeader())
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader(CONTENT_DISPOSITION, INLINE);
    feed.body().send(ctx.request(), response, notModifiedSince(ctx.request(), feed));
  }

  private static boolean notModifiedSince(HttpServerRequest request, RenderedFeed feed) {
    String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !feed.lastModified().isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** As header bytes: written once per feed, copied into every answer. */
  static CharSequence httpDate(Instant instant) {
    return HttpHeaders.createOptimized(HTTP_DATE.format(instant));
  }
}
