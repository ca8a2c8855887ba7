package fr.parcours.web;

import fr.parcours.common.Tokens;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page rendered once for every visitor: its bytes, cut where each visitor's own CSRF token
 * goes, so that serving it is one copy with the token written in; and its gzip, compressed once
 * with the token spliced in as it is ({@link GzipSplice}).
 */
public final class PageBody {

  private final List<byte[]> parts;
  /** Empty for a page holding a NUL byte, compressed by the server per response as other answers are. */
  private final Optional<GzipSplice> gzip;
  private final String digest;
  private final int length;

  private PageBody(List<byte[]> parts, String digest, int length) {
    this.parts = parts;
    // Compressed for the tokens this server draws; a cookie of another length gets the page compressed per response.
    this.gzip = GzipSplice.of(parts, Tokens.LENGTH);
    this.digest = digest;
    this.length = length;
  }

  static PageBody of(String html, String slot) {
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int at = html.indexOf(slot); at >= 0; at = html.indexOf(slot, from)) {
      parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
      from = at + slot.length();
    }
    parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
    byte[] whole = html.getBytes(StandardCharsets.UTF_8);
    return new PageBody(List.copyOf(parts), Encoded.digest(whole), whole.length);
  }

  /** The memory it holds, for the cache's bound. */
  public long bytes() {
    return length + gzip.map(GzipSplice::bytes).orElse(0L);
  }

  /** Whether the page can be sent gzipped with {@code token} in it. */
  boolean gzips(String token) {
    return gzip.isPresent() && gzip.get().fits(token.getBytes(StandardCharsets.UTF_8));
  }

  /** The page as one visitor gets it, gzipped if {@code gzipped} (when {@link #gzips}). */
  Buffer with(String token, boolean gzipped) {
    return gzipped ? gzip.orElseThrow().with(token.getBytes(StandardCharsets.UTF_8)) : with(token);
  }

  private Buffer with(String token) {
    byte[] filled = token.getBytes(StandardCharsets.UTF_8);
    Buffer page = Buffer.buffer(length + (parts.size() - 1) * filled.length);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        page.appendBytes(filled);
      }
      page.appendBytes(parts.get(i));
    }
    return page;
  }

  /** Strong, and the visitor's own: their copy holds their token; each representation its own. */
  String etag(String token, boolean gzipped) {
    return "\"" + digest + "." + Encoded.digest(token.getBytes(StandardCharsets.UTF_8)).substring(0, 12)
        + (gzipped ? "-gz\"" : "\"");
  }
}
