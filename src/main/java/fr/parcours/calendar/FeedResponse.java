package fr.parcours.calendar;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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

  private FeedResponse() {
  }

  static void send(RoutingContext ctx, RenderedFeed feed, String cacheControl) {
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
        .putHeader(HttpHeaders.ETAG, feed.etag())
        .putHeader(HttpHeaders.LAST_MODIFIED, httpDate(feed.lastModified()))
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader("Content-Disposition", "inline; filename=\"parcours.ics\"");
    if (notModified(ctx.request(), feed)) {
      response.setStatusCode(304).end();
    } else if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(feed.body().length)).end();
    } else {
      response.end(Buffer.buffer(feed.body()));
    }
  }

  static boolean notModified(HttpServerRequest request, RenderedFeed feed) {
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      return Arrays.stream(ifNoneMatch.split(","))
          .map(String::trim)
          .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
          .anyMatch(tag -> tag.equals("*") || tag.equals(feed.etag()));
    }
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

  private static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }
}
