package fr.parcours.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * One client's {@code text/event-stream} response, written by hand: Vert.x 5 has no SSE
 * helper. Writes may come from any thread (the shared read of a fair completes wherever the
 * pool answers); each runs on the response's own event loop.
 */
public final class EventStream {

  private final HttpServerResponse response;
  private final Context context;
  private String lastData;
  private boolean gone;

  private EventStream(HttpServerResponse response, Context context) {
    this.response = response;
    this.context = context;
  }

  /**
   * Sends the stream's headers and the {@code retry:} hint. Compression is turned off: a
   * compressor holds back small chunks, and an event must leave at once.
   */
  public static EventStream open(HttpServerResponse response, long retryMs) {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
        // nginx buffers proxied responses unless told otherwise.
        .putHeader("X-Accel-Buffering", "no");
    response.write("retry: " + retryMs + "\n\n");
    return new EventStream(response, Vertx.currentContext());
  }

  /** Sends {@code data} as an event named {@code name}, unless this client has it already. */
  public synchronized void send(String name, String data) {
    if (data.equals(lastData)) {
      return;
    }
    lastData = data;
    write("event: " + name + "\ndata: " + data + "\n\n");
  }

  /** A comment line: proxies and load balancers see traffic and keep an idle stream open. */
  public void heartbeat() {
    write(":\n\n");
  }

  /** True the first time only: the response may report both its end and its connection's close. */
  synchronized boolean markGone() {
    boolean first = !gone;
    gone = true;
    return first;
  }

  public void end() {
    context.runOnContext(v -> {
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    });
  }

  private void write(String text) {
    context.runOnContext(v -> {
      if (!response.ended() && !response.closed()) {
        response.write(text);
      }
    });
  }
}
