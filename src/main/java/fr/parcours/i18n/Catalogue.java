package fr.parcours.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one message catalogue ({@code i18n/messages_{fr,en}.properties}), read once per language:
 * page texts ({@code t.key} in templates), refusals ({@code error.CODE}), field problems
 * ({@code problem.CODE}), field labels ({@code field_…}). {@link #say} fills a text's named
 * parameters ({@link Sentence}: plurals, nested terms, dates and times as people write them).
 */
public final class Catalogue {

  public static final List<String> LANGUAGES = List.of("fr", "en");

  private static final Map<String, Map<String, String>> BUNDLES = LANGUAGES.stream()
      .collect(Collectors.toUnmodifiableMap(Function.identity(), Catalogue::load));

  private static final Pattern INDEX = Pattern.compile("([A-Za-z_]+)\\[(\\d+)]");
  private static final Pattern INDEX_ONLY = Pattern.compile("\\[\\d+]");

  private Catalogue() {
  }

  /** The language itself when the catalogue has it, English otherwise. */
  public static String supported(String language) {
    return language != null && BUNDLES.containsKey(language) ? language : "en";
  }

  /** Every text of the language, read-only. */
  public static Map<String, String> messages(String language) {
    return BUNDLES.get(supported(language));
  }

  public static Optional<String> find(String language, String key) {
    return Optional.ofNullable(messages(language).get(key));
  }

  /** The text under {@code key}, or the key itself when the catalogue lacks it (a test keeps them complete). */
  public static String text(String language, String key) {
    return find(language, key).orElse(key);
  }

  /** The text under {@code key} with its parameters filled in. */
  public static String say(String language, String key, Map<String, ?> params) {
    return Sentence.format(text(language, key), params, supported(language));
  }

  /**
   * A field as its form labels it: {@code school.uai} is "Code UAI"; an index is said as the
   * form's rows say it ({@code days[0].closes_at} is "Fermeture (jour 1)"). The label key is
   * {@code field_} and the path without indices, dots as underscores, or the last name alone.
   */
  public static String label(String language, String path) {
    if (path == null || path.isEmpty()) {
      return "";
    }
    String bare = INDEX_ONLY.matcher(path).replaceAll("");
    String last = bare.substring(bare.lastIndexOf('.') + 1);
    String label = find(language, "field_" + bare.replace('.', '_'))
        .or(() -> find(language, "field_" + last)).orElse(path);
    Matcher index = INDEX.matcher(path);
    StringBuilder rows = new StringBuilder();
    while (index.find()) {
      int n = Integer.parseInt(index.group(2)) + 1;
      String row = find(language, "field_" + index.group(1) + "_item")
          .map(pattern -> Sentence.format(pattern, Map.of("n", n), supported(language)))
          .orElse(index.group(1) + " " + n);
      rows.append(rows.isEmpty() ? "" : ", ").append(row);
    }
    return rows.isEmpty() ? label : label + " (" + rows + ")";
  }

  private static Map<String, String> load(String language) {
    String name = "/i18n/messages_" + language + ".properties";
    try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing message catalogue " + name);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> texts = new TreeMap<>();
      properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
      return Collections.unmodifiableMap(texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
