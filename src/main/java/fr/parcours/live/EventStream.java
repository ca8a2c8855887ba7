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
 * helper. Writes may be asked from any thread (the shared read of a fair completes wherever the
 * pool answers); each runs on the response's own event loop. A client that reads slower than
 * events come never makes the server queue them: while its write queue is full, heartbeats are
 * dropped and only the latest {@link Revision} is kept, sent when the queue drains (as the whole
 * state when the client missed one in between, so the latest is all it needs).
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

  /**
   * Revision {@code version} of a state several streams follow, encoded once for all of them:
   * the whole state, and the event saying what changed since {@code version - 1} ({@code null}
   * when only the whole will do). A stream that has {@code version - 1} gets the change, any other
   * the whole: what a client shows is never older than what it was sent, and never a change
   * applied to a state it does not have.
   */
  public record Revision(long version, Buffer whole, Buffer change) {
  }

  private final HttpServerResponse response;
  private final Context context;
  private String lastData;
  private boolean gone;
  /** The revision last written, and the latest held back while the write queue is full (on {@link #context} only). */
  private long version;
  private Revision held;

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
    context.runOnContext(v -> write(new Revision(version + 1, shared.bytes(), null)));
  }

  /** The event loop this stream writes on: whoever sends to many streams groups them by it. */
  Context context() {
    return context;
  }

  /**
   * Writes {@code revision} unless this stream has it or a newer one already; on {@link #context()}
   * only. The change when the stream has the revision before it, else the whole.
   */
  void write(Revision revision) {
    if (revision.version() <= version || !open()) {
      return;
    }
    if (response.writeQueueFull()) {
      held = revision;
      return;
    }
    boolean next = revision.change() != null && revision.version() == version + 1;
    response.write(next ? revision.change() : revision.whole());
    version = revision.version();
  }

  /** A comment line: proxies and load balancers see traffic and keep an idle stream open. */
  public void heartbeat() {
    context.runOnContext(v -> beat());
  }

  /** {@link #heartbeat()} on {@link #context()}. */
  void beat() {
    if (open() && !response.writeQueueFull()) {
      response.write(HEARTBEAT);
    }
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

  private void flushHeld() {
    if (held != null) {
      Revision latest = held;
      held = null;
      write(latest);
    }
  }

  private boolean open() {
    return !response.ended() && !response.closed();
  }
}
