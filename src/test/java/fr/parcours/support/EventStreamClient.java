package fr.parcours.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.parcours.support.TestApp.await;

/**
 * Reads a {@code text/event-stream} as a browser's EventSource does: the raw text, and each
 * event as it is complete. {@link #close()} hangs up, as a closed page does.
 */
public final class EventStreamClient implements AutoCloseable {

  /** One event: its name and its data. */
  public record Event(String name, String data) {
    public JsonObject json() {
      return new JsonObject(data);
    }
  }

  private final HttpClient client;
  private final HttpClientResponse response;
  private final StringBuilder text = new StringBuilder();
  private final List<Event> events = new ArrayList<>();
  private int parsed;
  private volatile boolean ended;

  private EventStreamClient(HttpClient client, HttpClientResponse response) {
    this.client = client;
    this.response = response;
    response.handler(chunk -> received(chunk.toString()));
    response.endHandler(end -> ended = true);
    response.resume();
  }

  /** Opens {@code path} on the server at {@code port}; the answer may be a refusal (see {@link #status()}). */
  public static EventStreamClient open(Vertx vertx, int port, String path) {
    return open(vertx, port, path, Map.of());
  }

  /** As {@link #open(Vertx, int, String)}, with more request headers (an Authorization, say). */
  public static EventStreamClient open(Vertx vertx, int port, String path, Map<String, String> headers) {
    HttpClient client = vertx.createHttpClient();
    HttpClientResponse response = await(client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(request -> {
          headers.forEach(request::putHeader);
          return request.putHeader("Accept", "text/event-stream").send();
        })
        // Held until the reader is in place, so that no chunk arrives before it.
        .map(HttpClientResponse::pause));
    return new EventStreamClient(client, response);
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.getHeader(name);
  }

  /** Whether the server ended the stream cleanly (a dropped connection is not an end). */
  public boolean ended() {
    return ended;
  }

  public synchronized String text() {
    return text.toString();
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** The first event received after {@code seen} events, waiting up to {@code within}. */
  public Event next(int seen, Duration within) {
    return Poll.until(within, this::events, all -> all.size() > seen).get(seen);
  }

  /** The complete events of a stream's raw text, in order. */
  public static List<Event> events(String text) {
    List<Event> events = new ArrayList<>();
    int start = 0;
    int end;
    while ((end = text.indexOf("\n\n", start)) >= 0) {
      block(text.substring(start, end), events);
      start = end + 2;
    }
    return events;
  }

  private synchronized void received(String chunk) {
    text.append(chunk);
    int end;
    while ((end = text.indexOf("\n\n", parsed)) >= 0) {
      block(text.substring(parsed, end), events);
      parsed = end + 2;
    }
  }

  private static void block(String block, List<Event> events) {
    String name = "message";
    List<String> data = new ArrayList<>();
    for (String line : block.split("\n")) {
      if (line.startsWith("event:")) {
        name = line.substring("event:".length()).strip();
      } else if (line.startsWith("data:")) {
        data.add(line.substring("data:".length()).strip());
      }
    }
    if (!data.isEmpty()) {
      events.add(new Event(name, String.join("\n", data)));
    }
  }

  @Override
  public void close() {
    await(client.close());
  }
}
