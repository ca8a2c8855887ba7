package fr.parcours.fair;

import fr.parcours.association.OfferKind;
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
import java.util.stream.Stream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link SessionKind} is the one list of session kinds, {@link OfferKind} of what associations
 * offer (a talk or workshop offer becomes a session of that kind): forms, filters and the API read
 * them, and what cannot read Java is held equal to them here. Adding a kind is a constant in the
 * enum and its {@code kind_<name>} in both message files (plus a migration widening the CHECK and
 * the openapi.yaml enum, which this test asks for).
 */
class SessionKindTest extends ServerTest {

  @Test
  void theDatabaseAcceptsExactlyTheKinds() {
    assertEquals(SessionKind.NAMES, checkedKinds("sessions"));
    assertEquals(OfferKind.NAMES, checkedKinds("offers"));
  }

  private List<String> checkedKinds(String table) {
    String check = await(app.pool().query("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE conrelid = '" + table + "'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'")
        .execute()).iterator().next().getString(0);
    Matcher quoted = Pattern.compile("'([a-z_]+)'").matcher(check);
    return quoted.results().map(m -> m.group(1)).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiDocumentListsExactlyTheKinds() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
      Map<String, Object> document = new Yaml().load(in);
      Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
      assertEquals(SessionKind.NAMES, kindEnum(schemas, "SessionFields"));
      assertEquals(OfferKind.NAMES, kindEnum(schemas, "OfferFields"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Object kindEnum(Map<String, Object> schemas, String schema) {
    Map<String, Object> fields = (Map<String, Object>) schemas.get(schema);
    return ((Map<String, Object>) ((Map<String, Object>) fields.get("properties")).get("kind")).get("enum");
  }

  @Test
  void everyKindIsNamedInFrenchAndEnglish() throws Exception {
    for (String language : List.of("fr", "en")) {
      Properties messages = new Properties();
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/messages_" + language + ".properties")) {
        messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      Stream.concat(SessionKind.NAMES.stream(), OfferKind.NAMES.stream())
          .forEach(kind -> assertNotNull(messages.getProperty("kind_" + kind), language + ": kind_" + kind));
    }
  }
}
