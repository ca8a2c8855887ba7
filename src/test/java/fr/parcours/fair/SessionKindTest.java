package fr.parcours.fair;

import fr.parcours.association.OfferKind;
import fr.parcours.booking.BookingFixtures;
import fr.parcours.db.NameTables;
import fr.parcours.support.ServerTest;
import fr.parcours.web.OpenApiRoutes;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    String retype = "UPDATE sessions SET kind = $1 WHERE id = (SELECT min(id) FROM sessions WHERE fair_id = $2)";
    SessionKind.NAMES.forEach(kind -> await(app.pool().preparedQuery(retype).execute(Tuple.of(kind, fairId))));
    List<String> withLecture = new ArrayList<>(SessionKind.NAMES);
    withLecture.add("lecture");
    // What the start does with an enum that gained LECTURE, in a transaction rolled back.
    String accepted = await(app.pool().withConnection(conn -> conn.begin().compose(tx ->
        refused(conn, retype, fairId).compose(code -> NameTables.fill(conn, "session_kinds", withLecture))
            .compose(filled -> conn.preparedQuery(retype).execute(Tuple.of("lecture", fairId)))
            .map(updated -> "lecture accepted")
            .eventually(tx::rollback))));
    assertEquals("lecture accepted", accepted);
  }

  private static Future<Void> refused(SqlConnection conn, String retype, long fairId) {
    return conn.query("SAVEPOINT before").execute()
        .compose(saved -> conn.preparedQuery(retype).execute(Tuple.of("lecture", fairId)))
        .<Void>transform(result -> {
          assertTrue(result.failed(), "an unknown kind is refused");
          assertEquals("23503", ((PgException) result.cause()).getSqlState(), "an unknown kind is refused");
          return Future.succeededFuture();
        })
        .compose(checked -> conn.query("ROLLBACK TO SAVEPOINT before").execute().mapEmpty());
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
