package fr.parcours.support;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A copy of what the server logs (to standard error) while it is open, for the tests that look
 * for Vert.x's blocked-thread warnings; closing it gives standard error back.
 */
public final class ServerLog implements AutoCloseable {

  private final PrintStream stderr = System.err;
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  private ServerLog() {
    System.setErr(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
  }

  public static ServerLog copy() {
    return new ServerLog();
  }

  /** What was logged since the copy began or the last {@code take}, forgotten then. */
  public String take() {
    synchronized (logged) {
      String text = logged.toString(StandardCharsets.UTF_8);
      logged.reset();
      return text;
    }
  }

  /**
   * Waits until every event loop has run a task queued behind whatever it had: a task still
   * running on a loop is reported by the checker only while it runs.
   */
  public static void awaitLoopsFree(Vertx vertx) {
    AtomicInteger free = new AtomicInteger();
    int loops = 0;
    for (EventExecutor loop : ((VertxInternal) vertx).eventLoopGroup()) {
      loop.execute(free::incrementAndGet);
      loops++;
    }
    int all = loops;
    Poll.until(Duration.ofSeconds(30), free::get, count -> count == all);
  }

  @Override
  public void close() {
    System.setErr(stderr);
  }

  /** Writes to standard error and to the copy. */
  private final class Tee extends OutputStream {

    @Override
    public void write(int b) throws IOException {
      stderr.write(b);
      synchronized (logged) {
        logged.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      stderr.write(bytes, offset, length);
      synchronized (logged) {
        logged.write(bytes, offset, length);
      }
    }
  }
}
