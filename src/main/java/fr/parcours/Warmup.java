package fr.parcours;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Before the port opens, the server asks itself for what visitors ask first, on a loopback
 * server of its own with the same routes: the list of fairs, then for the first published ones
 * the programme in each language, its JSON and its availability. Those are then prepared in
 * memory, and the code that serves them loaded and run once (templates, Jackson, the pool's
 * statements): the first visitor after a start waits as long as the hundredth. Calendar feeds,
 * polled by apps rather than awaited by people, are warmed the same way just after the port
 * opens (iCal4j's time zones were a tenth of the warm-up). A warm-up that fails is logged and
 * forgotten; it never stops a start.
 */
final class Warmup {

  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  /** The fairs warmed; the others are prepared by their first visitor, as after any change. */
  static final int FAIRS = 3;
  private static final int TIMEOUT_MS = 30_000;

  private Warmup() {
  }

  /** The pages and answers of a fair that people wait for. */
  static final Function<String, List<String>> PAGES = slug -> List.of("/fairs/" + slug, "/fairs/" + slug + "?lang=en",
      "/api/fairs/" + slug, "/api/fairs/" + slug + "/availability");
  /** The templates of the pages above and of the home page: compiled ahead of the warm-up. */
  static final Predicate<String> TEMPLATES = template -> template.equals("home") || template.equals("programme")
      || template.startsWith("partials/");
  /** A fair's calendar feed. */
  static final Function<String, List<String>> FEEDS = slug -> List.of("/calendars/fairs/" + slug + ".ics");

  /**
   * Serves the warm-up with {@code routes}, built by the caller off the event loop and ahead of it:
   * the home page if {@code home}, and {@code paths} of the first fairs.
   */
  static Future<Void> run(Vertx vertx, Future<Router> routes, boolean home, Function<String, List<String>> paths) {
    long began = System.nanoTime();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setCompressionSupported(true));
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setKeepAlive(true)
        .setDecompressionSupported(true));
    return routes
        .compose(router -> server.requestHandler(router).listen(0))
        .compose(listening -> visit(client, listening.actualPort(), home, paths))
        .onSuccess(visited -> LOG.info("Warmed up {} addresses in {} ms", visited, (System.nanoTime() - began) / 1_000_000))
        .<Void>mapEmpty()
        .recover(failure -> {
          LOG.warn("Warm-up cut short: {}", String.valueOf(failure));
          return Future.succeededFuture();
        })
        .eventually(client::close)
        .eventually(server::close);
  }

  /** Answers how many addresses were asked. */
  private static Future<Integer> visit(HttpClient client, int port, boolean home, Function<String, List<String>> ofFair) {
    return get(client, port, "/api/fairs").compose(body -> {
      JsonArray fairs = new JsonArray(body);
      List<String> paths = new ArrayList<>(home ? List.of("/") : List.of());
      for (int i = 0; i < Math.min(FAIRS, fairs.size()); i++) {
        paths.addAll(ofFair.apply(fairs.getJsonObject(i).getString("slug")));
      }
      // All at once: their work runs on worker threads, one per core, instead of one after the other.
      return Future.all(paths.stream().map(path -> get(client, port, path)).toList()).map(done -> paths.size() + 1);
    });
  }

  /** The body of a GET, as a browser or calendar client sends it (compressed answers accepted). */
  private static Future<String> get(HttpClient client, int port, String path) {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setURI(path)
            .putHeader("Accept-Encoding", "gzip").putHeader("Accept-Language", "fr").setIdleTimeout(TIMEOUT_MS))
        .compose(request -> request.send())
        .compose(response -> response.body())
        .map(body -> body.toString());
  }
}
