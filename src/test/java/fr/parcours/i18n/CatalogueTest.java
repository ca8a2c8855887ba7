package fr.parcours.i18n;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.error.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogueTest {

  private static final String PLACES =
      "{count, plural, =0 {plus aucune place} one {# place de classe restante} other {# places de classe restantes}}";
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)[,}]");

  @Test
  void plurals_agree_with_the_number_in_each_language() {
    assertEquals("4 places de classe restantes", Sentence.format(PLACES, Map.of("count", 4), "fr"));
    assertEquals("1 place de classe restante", Sentence.format(PLACES, Map.of("count", 1), "fr"));
    assertEquals("plus aucune place", Sentence.format(PLACES, Map.of("count", 0), "fr"));
    String english = "{count, plural, one {# class place left} other {# class places left}}";
    assertEquals("0 class places left", Sentence.format(english, Map.of("count", 0), "en"));
    assertEquals("1 class place left", Sentence.format(english, Map.of("count", 1), "en"));
  }

  @Test
  void fields_are_named_as_their_form_labels_them_with_rows_as_people_count_them() {
    assertEquals("Code UAI", Catalogue.label("fr", "school.uai"));
    assertEquals("UAI code", Catalogue.label("en", "school.uai"));
    assertEquals(Catalogue.text("fr", "field_ends_at") + " (jour 2)", Catalogue.label("fr", "days[1].ends_at"));
  }

  @Test
  void values_are_said_in_the_language() {
    Map<String, Object> params = Map.of("time", LocalTime.of(9, 40), "day", LocalDate.of(2027, 3, 18),
        "after", Field.of("arrival"));
    String pattern = "{day} {time} {after}";
    assertEquals("jeudi 18 mars 2027 9 h 40 " + Catalogue.label("fr", "arrival"), Sentence.format(pattern, params, "fr"));
    assertEquals("Thursday 18 March 2027 9:40 Bus arrival", Sentence.format(pattern, params, "en"));
    assertEquals("jeudi 1er avril 2027", Dates.date("fr", LocalDate.of(2027, 4, 1)));
  }

  @Test
  void a_refusal_says_its_field_and_problem_in_the_language_asked() {
    AppException refusal = AppException.invalid(java.util.List.of(FieldError.of("pupils", Problem.AT_LEAST, "1")));
    assertEquals("doit valoir au moins 1", refusal.details().get(0).text("fr"));
    assertEquals("must be at least 1", refusal.details().get(0).message());
    assertEquals("Salon introuvable.", AppException.notFound("fair", "x").text("fr"));
  }

  @Test
  void both_languages_have_the_same_texts_with_the_same_parameters() {
    assertEquals(Catalogue.messages("fr").keySet(), Catalogue.messages("en").keySet());
    Catalogue.messages("fr").forEach((key, french) ->
        assertEquals(parameters(french), parameters(Catalogue.text("en", key)), key));
  }

  private static Set<String> parameters(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PARAMETER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
