package fr.parcours.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the hand-written OpenAPI document; a test keeps it and the router in step. Lists the
 * code defines (session kinds…) are not copied into it: {@code enum: [$Name]} is filled in from
 * the list given for {@code Name}.
 */
public final class OpenApiRoutes {

  public static final String RESOURCE = "openapi.yaml";
  private static final Pattern PLACEHOLDER = Pattern.compile("enum: \\[\\$(\\w+)]");

  private final Buffer document;

  public OpenApiRoutes(Map<String, List<String>> enums) {
    this.document = Buffer.buffer(fill(load(), enums));
  }

  public void mount(Router router) {
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(document));
  }

  static String fill(String text, Map<String, List<String>> enums) {
    return PLACEHOLDER.matcher(text).replaceAll(placeholder -> {
      List<String> names = enums.get(placeholder.group(1));
      if (names == null) {
        throw new IllegalStateException(RESOURCE + " names $" + placeholder.group(1) + ", which no list fills");
      }
      return Matcher.quoteReplacement("enum: [" + String.join(", ", names) + "]");
    });
  }

  private static String load() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
