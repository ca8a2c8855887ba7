package fr.parcours.live;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;

import java.nio.charset.StandardCharsets;

/**
 * One client's {@code text/event-stream} response, written by hand: Vert.x 5 has no SSE
 * helper. Writes may come from any thread (the shared read of a fair completes wherever the
 * pool answers); each runs on the response's own event loop. A client that reads slower than
 * events come never makes the server queue them: while its write queue is full, heartbeats are
 * dropped and only the latest availability is kept, sent when the queue drains (each event
 * holds the whole document, so the latest is all the client needs).
 */
public final class EventStream {

  private static final Buffer HEARTBEAT = Event.encoded(":\n\n");

  /**
   * One event encoded once, in memory outside the heap, and written as it is to every stream
   * that should hear it: with 10,000 streams of a fair, an update is one document's bytes, not
   * 10,000 strings built and encoded again (and copied again into the socket's buffer).
   */
  public record Event(String data, Buffer bytes) {

    public static Event of(String name, String data) {
      return new Event(data, encoded("event: " + name + "\ndata: " + data + "\n\n"));
    }

    /** Never released: each write takes a view of it, and it lives as long as someone holds the event. */
    private static Buffer encoded(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
    }
  }

  private final HttpServerResponse response;
  private final Context context;
  private String lastData;
  private boolean gone;
  /** The latest event held back while the write queue is full (touched on {@link #context} only). */
  private Buffer held;

  EventStream(HttpServerResponse response) {
    this.response = response;
    this.context = Vertx.currentContext();
  }

  /** A stream on {@code response}, its headers and retry hint sent. */
  public static EventStream open(HttpServerResponse response, long retryMs) {
    EventStream stream = new EventStream(response);
    stream.start(retryMs);
    return stream;
  }

  /**
   * Sends the stream's headers and the {@code retry:} hint. Compression is turned off: a
   * compressor holds back small chunks, and an event must leave at once.
   */
  void start(long retryMs) {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
        // nginx buffers proxied responses unless told otherwise.
        .putHeader("X-Accel-Buffering", "no");
    response.drainHandler(drained -> flushHeld());
    response.write("retry: " + retryMs + "\n\n");
  }

  /** Sends {@code data} as an event named {@code name}, unless this client has it already. */
  public void send(String name, String data) {
    send(Event.of(name, data));
  }

  /** Sends an event encoded once for every stream, unless this client has its data already. */
  public synchronized void send(Event shared) {
    if (shared.data().equals(lastData)) {
      return;
    }
    lastData = shared.data();
    Buffer event = shared.bytes();
    context.runOnContext(v -> {
      if (open()) {
        if (response.writeQueueFull()) {
          held = event;
        } else {
          response.write(event);
        }
      }
    });
  }

  /** A comment line: proxies and load balancers see traffic and keep an idle stream open. */
  public void heartbeat() {
    context.runOnContext(v -> {
      if (open() && !response.writeQueueFull()) {
        response.write(HEARTBEAT);
      }
    });
  }

  /** True the first time only: the response may report both its end and its connection's close. */
  synchronized boolean markGone() {
    boolean first = !gone;
    gone = true;
    return first;
  }

  public void end() {
    context.runOnContext(v -> {
      if (open()) {
        response.end();
      }
    });
  }

  /** Whether an event was held back (for tests). */
  boolean holding() {
    return held != null;
  }

  private void flushHeld() {
    if (held != null && open()) {
      Buffer event = held;
      held = null;
      response.write(event);
    }
  }

  private boolean open() {
    return !response.ended() && !response.closed();
  }
}
