package fr.parcours.web;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.error.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field, collecting every problem (missing, wrong type,
 * out of range, too long) so that one 400 names them all. Nested objects share the error list
 * and prefix their field names ({@code school.uai}). Every text and list is bounded by
 * {@link InputLimits}, and reading stays linear in the body's size: a body of a hundred
 * thousand faulty items is refused at its list's length, never item by item.
 */
public final class JsonInput {

  private final JsonObject json;
  private final String prefix;
  private final Errors errors;

  /** The problems found so far, with the fields they name for a constant-time lookup. */
  private record Errors(List<FieldError> list, Set<String> fields) {
    void add(FieldError error) {
      list.add(error);
      fields.add(error.field());
    }
  }

  private JsonInput(JsonObject json, String prefix, Errors errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonInput of(JsonObject json) {
    return new JsonInput(json, "", new Errors(new ArrayList<>(), new HashSet<>()));
  }

  /** True when the field is present (even as null): PATCH bodies update only what they name. */
  public boolean has(String field) {
    return json.containsKey(field);
  }

  public String requiredText(String field) {
    return required(field, optionalText(field));
  }

  public String optionalText(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      return error(field, Problem.NOT_TEXT);
    }
    if (text.isBlank()) {
      return error(field, Problem.BLANK);
    }
    return bounded(field, text.strip());
  }

  /** A text within its field's length, without NUL (PostgreSQL's text cannot hold one). */
  private String bounded(String field, String text) {
    int max = InputLimits.maxLength(field);
    if (text.length() > max) {
      return error(field, Problem.TOO_LONG, String.valueOf(max));
    }
    if (text.indexOf('\0') >= 0) {
      return error(field, Problem.NUL_CHARACTER);
    }
    return text;
  }

  public String optionalText(String field, String fallback) {
    String value = optionalText(field);
    return value == null ? fallback : value;
  }

  public Integer requiredInt(String field, int min) {
    return requiredInt(field, min, Integer.MAX_VALUE);
  }

  public Integer requiredInt(String field, int min, int max) {
    return required(field, optionalInt(field, min, max));
  }

  public Integer optionalInt(String field, int min) {
    return optionalInt(field, min, Integer.MAX_VALUE);
  }

  public Integer optionalInt(String field, int min, int max) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() != ((Number) raw).intValue()) {
      return error(field, Problem.NOT_WHOLE_NUMBER);
    }
    int value = ((Number) raw).intValue();
    if (value < min) {
      return error(field, Problem.AT_LEAST, String.valueOf(min));
    }
    if (value > max) {
      return error(field, Problem.AT_MOST, String.valueOf(max));
    }
    return value;
  }

  /** A length in metres, at least {@code min} and at most {@link InputLimits#METRES}. */
  public Double requiredDecimal(String field, double min) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return missing(field);
    }
    if (!(raw instanceof Number number)) {
      return error(field, Problem.NOT_NUMBER);
    }
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      return error(field, Problem.NOT_FINITE);
    }
    if (value < min) {
      return error(field, Problem.AT_LEAST, String.valueOf(min));
    }
    if (value > InputLimits.METRES) {
      return error(field, Problem.AT_MOST, String.valueOf((long) InputLimits.METRES));
    }
    return value;
  }

  public Double optionalDecimal(String field, double min) {
    return json.getValue(field) == null ? null : requiredDecimal(field, min);
  }

  /** A text among {@code allowed}. */
  public String requiredChoice(String field, List<String> allowed) {
    String value = requiredText(field);
    if (value != null && !allowed.contains(value)) {
      return error(field, Problem.ONE_OF, String.join(", ", allowed));
    }
    return value;
  }

  public String optionalChoice(String field, List<String> allowed) {
    String value = optionalText(field);
    if (value != null && !allowed.contains(value)) {
      return error(field, Problem.ONE_OF, String.join(", ", allowed));
    }
    return value;
  }

  public Boolean optionalBoolean(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    return raw instanceof Boolean value ? value : error(field, Problem.NOT_BOOLEAN);
  }

  /** A list of non-blank texts (null when the field is absent), each reported as {@code field[i]}. */
  public List<String> optionalTextList(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonArray array)) {
      return error(field, Problem.NOT_TEXT_LIST);
    }
    if (tooMany(field, array)) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text && !text.isBlank()) {
        String item = bounded(field + "[" + i + "]", text.strip());
        if (item != null) {
          texts.add(item);
        }
      } else {
        error(field + "[" + i + "]", Problem.BLANK_TEXT);
      }
    }
    return texts;
  }

  /** Some texts among {@code allowed} (null when the field is absent), each wrong one reported as {@code field[i]}. */
  public List<String> optionalChoiceList(String field, List<String> allowed) {
    List<String> texts = optionalTextList(field);
    if (texts == null) {
      return null;
    }
    for (int i = 0; i < texts.size(); i++) {
      if (!allowed.contains(texts.get(i))) {
        error(field + "[" + i + "]", Problem.ONE_OF, String.join(", ", allowed));
      }
    }
    return texts;
  }

  /** A URL-safe identifier: lower-case letters, digits and dashes. */
  public String requiredSlug(String field) {
    return slugOrError(field, requiredText(field));
  }

  public String optionalSlug(String field) {
    return slugOrError(field, optionalText(field));
  }

  public LocalDate requiredDate(String field) {
    return required(field, optionalDate(field));
  }

  public LocalDate optionalDate(String field) {
    return parsed(field, LocalDate::parse, Problem.NOT_DATE);
  }

  public LocalTime requiredTime(String field) {
    return required(field, optionalTime(field));
  }

  public LocalTime optionalTime(String field) {
    return parsed(field, LocalTime::parse, Problem.NOT_TIME);
  }

  public OffsetDateTime requiredDateTime(String field) {
    return required(field, optionalDateTime(field));
  }

  public OffsetDateTime optionalDateTime(String field) {
    return parsed(field, OffsetDateTime::parse, Problem.NOT_DATE_TIME);
  }

  public ZoneId requiredZone(String field) {
    return required(field, optionalZone(field));
  }

  /** A region of the tz database (Europe/Paris): fixed offsets know no summer time, and calendars need the region. */
  public ZoneId optionalZone(String field) {
    return parsed(field, JsonInput::region, Problem.NOT_TIME_ZONE);
  }

  private static ZoneId region(String id) {
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new DateTimeException("not a tz database region: " + id);
    }
    return ZoneId.of(id);
  }

  /** A nested object; problems inside are reported as {@code field.inner}. */
  public JsonInput requiredObject(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      missing(field);
    } else if (!(raw instanceof JsonObject)) {
      error(field, Problem.NOT_OBJECT);
    }
    JsonObject nested = raw instanceof JsonObject object ? object : new JsonObject();
    return new JsonInput(nested, prefix + field + ".", errors);
  }

  /** A nested object, or null when the field is absent. */
  public JsonInput optionalObject(String field) {
    return json.getValue(field) == null ? null : requiredObject(field);
  }

  /** The objects of an array field, each reported as {@code field[i].inner}. */
  public List<JsonInput> objectList(String field, boolean required) {
    Object raw = json.getValue(field);
    List<JsonInput> items = new ArrayList<>();
    if (raw == null) {
      if (required) {
        missing(field);
      }
      return items;
    }
    if (!(raw instanceof JsonArray array)) {
      error(field, Problem.NOT_ARRAY);
      return items;
    }
    if (tooMany(field, array)) {
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject item) {
        items.add(new JsonInput(item, prefix + field + "[" + i + "].", errors));
      } else {
        error(field + "[" + i + "]", Problem.NOT_OBJECT);
      }
    }
    return items;
  }

  private boolean tooMany(String field, JsonArray array) {
    int max = InputLimits.maxItems(field);
    if (array.size() <= max) {
      return false;
    }
    error(field, Problem.TOO_MANY, String.valueOf(max));
    return true;
  }

  /** Records the problem {@code code} (text {@code problem.CODE}) against {@code field} unless {@code ok}. */
  public void check(boolean ok, String field, String code, Map<String, ?> params) {
    if (!ok) {
      error(field, code, params);
    }
  }

  public <T> T error(String field, String code, Map<String, ?> params) {
    return error(FieldError.of(prefix + field, code, params));
  }

  private <T> T error(String field, Problem problem) {
    return error(field, problem, null);
  }

  private <T> T error(String field, Problem problem, String argument) {
    return error(FieldError.of(prefix + field, problem, argument));
  }

  private <T> T error(FieldError error) {
    errors.add(error);
    return null;
  }

  public boolean valid() {
    return errors.list().isEmpty();
  }

  /** Ends reading: throws one 400 listing every problem found, if any. */
  public void validate() {
    if (!errors.list().isEmpty()) {
      throw AppException.invalid(errors.list());
    }
  }

  private boolean hasErrorFor(String field) {
    return errors.fields().contains(prefix + field);
  }

  private <T> T missing(String field) {
    return error(field, Problem.REQUIRED);
  }

  private <T> T required(String field, T value) {
    if (value == null && !hasErrorFor(field)) {
      return missing(field);
    }
    return value;
  }

  private <T> T parsed(String field, Function<String, T> parser, Problem expected) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      return error(field, expected);
    }
    if (text.length() > InputLimits.TEXT) {
      return error(field, Problem.TOO_LONG, String.valueOf(InputLimits.TEXT));
    }
    try {
      return parser.apply(text.strip());
    } catch (DateTimeException e) {
      return error(field, expected);
    }
  }

  private String slugOrError(String field, String value) {
    if (value != null && !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      return error(field, Problem.NOT_SLUG);
    }
    return value;
  }
}
