package fr.parcours.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A response body prepared once per change of what it shows, for every request until the next:
 * the bytes and their gzip, each in direct memory that every response reuses (the socket write
 * copies nothing), and a strong ETag per representation (a digest of the bytes, so the same on
 * every instance). Prepare it off the event loop: compressing takes milliseconds. Its header
 * values are prepared as bytes too (ETag, Content-Length): a response copies them instead of
 * checking and encoding them char by char.
 */
public final class Encoded {

  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

  private final Buffer plain;
  private final Buffer gzip;
  private final String etag;
  private final String gzipEtag;
  private final Header plainHeaders;
  private final Header gzipHeaders;

  /** A representation's ETag and Content-Length, as header bytes. */
  private record Header(CharSequence etag, CharSequence length) {

    static Header of(String etag, Buffer body) {
      return new Header(HttpHeaders.createOptimized(etag), HttpHeaders.createOptimized(String.valueOf(body.length())));
    }
  }

  private Encoded(byte[] bytes, byte[] compressed) {
    this.plain = direct(bytes);
    this.gzip = direct(compressed);
    this.etag = "\"" + digest(bytes) + "\"";
    this.gzipEtag = "\"" + digest(bytes) + "-gz\"";
    this.plainHeaders = Header.of(etag, plain);
    this.gzipHeaders = Header.of(gzipEtag, gzip);
  }

  public static Encoded of(byte[] bytes) {
    return new Encoded(bytes, gzip(bytes));
  }

  public static Encoded of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The representation the client gets: gzip when it says it takes it. */
  static boolean gzipFor(HttpServerRequest request) {
    String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip") && !accepted.contains("gzip;q=0");
  }

  private Buffer body(boolean gzipped) {
    return gzipped ? gzip : plain;
  }

  private Header headers(boolean gzipped) {
    return gzipped ? gzipHeaders : plainHeaders;
  }

  /** The memory it holds, for the caches' bounds. */
  public long bytes() {
    return plain.length() + (long) gzip.length();
  }

  /**
   * Sends the representation the client takes, or 304 when its copy is current (either
   * representation's ETag: the content is the same). HEAD gets the headers alone.
   */
  public void send(HttpServerRequest request, HttpServerResponse response) {
    send(request, response, false);
  }

  /**
   * The same, where {@code unchangedSince} says whether the client's copy is current by
   * If-Modified-Since: it counts only without If-None-Match, as RFC 9110 says.
   */
  public void send(HttpServerRequest request, HttpServerResponse response, boolean unchangedSince) {
    boolean gzipped = gzipFor(request);
    Header header = headers(gzipped);
    response.putHeader(HttpHeaders.ETAG, header.etag()).putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch == null ? unchangedSince : current(ifNoneMatch)) {
      response.setStatusCode(304).end();
      return;
    }
    if (gzipped) {
      // Already compressed: the server's own compression lets a response with an encoding pass.
      response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
    }
    // Set here, Vert.x does not write the length again: the same value, without formatting it per response.
    response.putHeader(HttpHeaders.CONTENT_LENGTH, header.length());
    if (request.method() == HttpMethod.HEAD) {
      response.end();
    } else {
      response.end(body(gzipped));
    }
  }

  /** Whether an If-None-Match header names this content, in either representation. */
  public boolean current(String ifNoneMatch) {
    return matches(ifNoneMatch, etag) || matches(ifNoneMatch, gzipEtag);
  }

  /** Whether an If-None-Match header names {@code etag} (weak comparison, as RFC 9110 says for it). */
  public static boolean matches(String ifNoneMatch, String etag) {
    return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  /** A digest of {@code bytes} short enough for a header: 27 characters of SHA-256, URL-safe. */
  public static String digest(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static Buffer direct(byte[] bytes) {
    return BufferInternal.buffer(directMemory(bytes));
  }

  /** JDK direct memory, freed by the garbage collector once no response holds it any more. */
  static ByteBuf directMemory(byte[] bytes) {
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
