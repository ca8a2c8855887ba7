package fr.parcours.fair;

import fr.parcours.support.ServerTest;
import fr.parcours.web.OpenApiRoutes;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link SessionKind} is the one list of session kinds: forms, filters and the API read it, and
 * what cannot read Java is held equal to it here. Adding a kind is a constant in the enum and its
 * {@code kind_<name>} in both message files (plus a migration widening the CHECK, which this
 * test asks for).
 */
class SessionKindTest extends ServerTest {

  @Test
  void theDatabaseAcceptsExactlyTheKinds() {
    String check = await(app.pool().query("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE conrelid = 'sessions'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'")
        .execute()).iterator().next().getString(0);
    Matcher quoted = Pattern.compile("'([a-z_]+)'").matcher(check);
    List<String> allowed = quoted.results().map(m -> m.group(1)).toList();
    assertEquals(SessionKind.NAMES, allowed, check);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiDocumentListsExactlyTheKinds() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
      Map<String, Object> document = new Yaml().load(in);
      Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
          document.get("components")).get("schemas")).get("SessionFields");
      Map<String, Object> kind = (Map<String, Object>) ((Map<String, Object>) fields.get("properties")).get("kind");
      assertEquals(SessionKind.NAMES, kind.get("enum"));
    }
  }

  @Test
  void everyKindIsNamedInFrenchAndEnglish() throws Exception {
    for (String language : List.of("fr", "en")) {
      Properties messages = new Properties();
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/messages_" + language + ".properties")) {
        messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      SessionKind.NAMES.forEach(kind -> assertNotNull(messages.getProperty("kind_" + kind), language + ": kind_" + kind));
    }
  }
}
