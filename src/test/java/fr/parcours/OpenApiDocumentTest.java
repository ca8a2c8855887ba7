package fr.parcours;

import fr.parcours.support.ServerTest;
import fr.parcours.web.OpenApiRoutes;
import io.vertx.ext.web.Route;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** openapi.yaml documents every route the router serves, and nothing else. */
class OpenApiDocumentTest extends ServerTest {

  private static final Set<String> OPERATIONS = Set.of("get", "post", "put", "patch", "delete");

  @Test
  void documentAndRouterListTheSameOperations() throws IOException {
    assertEquals(routerOperations(), documentedOperations());
  }

  private static Set<String> routerOperations() {
    Set<String> operations = new TreeSet<>();
    for (Route route : ApiRouter.create(app.application().services()).getRoutes()) {
      String path = route.getPath();
      if (path != null && route.methods() != null && isApi(path)) {
        String documented = path.replaceAll(":(\\w+)", "{$1}");
        route.methods().forEach(method -> operations.add(method.name() + " " + documented));
      }
    }
    return operations;
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/health") || path.equals("/openapi.yaml")
        || path.equals("/metrics");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documentedOperations() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
      Map<String, Object> document = new Yaml().load(in);
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
      Set<String> operations = new TreeSet<>();
      paths.forEach((path, item) -> item.keySet().stream().filter(OPERATIONS::contains)
          .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
      return operations;
    }
  }
}
