package fr.parcours.fair;

import fr.parcours.association.OfferKind;
import fr.parcours.booking.BookingFixtures;
import fr.parcours.db.Migrations;
import fr.parcours.support.ServerTest;
import fr.parcours.web.OpenApiRoutes;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Adding a session kind is one edit: a constant in {@link SessionKind} (or {@link OfferKind}), plus
 * its {@code kind_<name>} in both message files. The database and the API document take their
 * lists from the enums; nothing else names a kind.
 */
class SessionKindTest extends ServerTest {

  @Test
  void theDatabaseKnowsExactlyTheKindsOfTheEnums() {
    assertEquals(Set.copyOf(SessionKind.NAMES), names("session_kinds"));
    assertEquals(Set.copyOf(OfferKind.NAMES), names("offer_kinds"));
    assertEquals(List.of("FOREIGN KEY (kind) REFERENCES session_kinds(name)"), kindConstraints("sessions"));
    assertEquals(List.of("FOREIGN KEY (kind) REFERENCES offer_kinds(name)"), kindConstraints("offers"));
  }

  @Test
  void aSessionTakesEveryKindAndANewConstantNeedsNoMigration() {
    long fairId = BookingFixtures.fair(app, "kinds", 30).id();
    SessionKind.NAMES.forEach(kind -> retype(fairId, kind));
    PgException unknown = assertThrows(PgException.class, () -> retype(fairId, "lecture"));
    assertEquals("23503", unknown.getSqlState(), "a kind the enum lacks is refused");
    // What the next start does once the enum gained LECTURE.
    List<String> withLecture = new ArrayList<>(SessionKind.NAMES);
    withLecture.add("lecture");
    Migrations.fill(app.config().dbUrl(), Map.of("session_kinds", withLecture));
    try {
      retype(fairId, "lecture");
    } finally {
      retype(fairId, SessionKind.TALK.json());
      await(app.pool().query("DELETE FROM session_kinds WHERE name = 'lecture'").execute());
    }
  }

  private static void retype(long fairId, String kind) {
    await(app.pool().preparedQuery("UPDATE sessions SET kind = $1 WHERE id = (SELECT min(id) FROM sessions "
        + "WHERE fair_id = $2)").execute(Tuple.of(kind, fairId)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServedApiDocumentListsExactlyTheKinds() {
    String served = await(app.client().get("/openapi.yaml").send()).bodyAsString();
    Map<String, Object> document = new Yaml().load(served);
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    assertEquals(SessionKind.NAMES, kindEnum(schemas, "SessionFields"));
    assertEquals(OfferKind.NAMES, kindEnum(schemas, "OfferFields"));
  }

  @Test
  void aListTheDocumentNamesButNoCodeFillsStopsTheStart() {
    assertThrows(IllegalStateException.class,
        () -> new OpenApiRoutes(Map.of("SessionKind", SessionKind.NAMES)));
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

  private Set<String> names(String table) {
    Set<String> stored = new HashSet<>();
    await(app.pool().query("SELECT name FROM " + table).execute()).forEach(row -> stored.add(row.getString(0)));
    return stored;
  }

  private List<String> kindConstraints(String table) {
    List<String> found = new ArrayList<>();
    await(app.pool().query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '" + table
        + "'::regclass AND pg_get_constraintdef(oid) LIKE '%(kind%'").execute()).forEach(row -> found.add(row.getString(0)));
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Object kindEnum(Map<String, Object> schemas, String schema) {
    Map<String, Object> fields = (Map<String, Object>) schemas.get(schema);
    return ((Map<String, Object>) ((Map<String, Object>) fields.get("properties")).get("kind")).get("enum");
  }
}
