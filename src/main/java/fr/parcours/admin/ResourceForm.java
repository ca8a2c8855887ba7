package fr.parcours.admin;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Slugs;
import fr.parcours.fair.resource.FieldSpec;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceSpec;
import fr.parcours.i18n.Catalogue;
import fr.parcours.i18n.Dates;
import fr.parcours.web.Forms;
import fr.parcours.web.I18n;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One form for every kind of a fair's places and grid (venues, tracks, rooms, zones, stand
 * spots, slots), built from the kind's own field list: the API's generic resource reads what
 * it posts, so a new field shows up here without a template of its own.
 */
final class ResourceForm {

  /** The kinds set up here; associations and sessions have pages of their own (offers, the grid). */
  static final List<ResourceSpec> KINDS = List.of(ResourceCatalog.VENUES, ResourceCatalog.TRACKS,
      ResourceCatalog.ROOMS, ResourceCatalog.ZONES, ResourceCatalog.STAND_SPOTS, ResourceCatalog.SLOTS);

  private ResourceForm() {
  }

  static Optional<ResourceSpec> kind(String path) {
    return KINDS.stream().filter(spec -> spec.path().equals(path)).findFirst();
  }

  /** The kinds with their names, for the links between the setup pages. */
  static JsonArray kinds(JsonObject messages) {
    return new JsonArray(KINDS.stream().map(spec -> (Object) new JsonObject().put("path", spec.path())
        .put("label", messages.getString("admin_kind_" + spec.jsonName(), spec.what()))).toList());
  }

  /** The body the API would receive: numbers as numbers, a {@code datetime-local} read in the fair's zone. */
  static JsonObject body(ResourceSpec spec, MultiMap form, ZoneId zone) {
    JsonObject body = Forms.json(form, names(spec), names(spec, FieldSpec.Type.WHOLE));
    if (names(spec).contains("slug") && !body.containsKey("slug") && body.getString("name") != null) {
      // A slug left blank is made from the name, as the guided set-up and the imports make it.
      body.put("slug", Slugs.slugify(body.getString("name")));
    }
    for (FieldSpec field : spec.fields()) {
      Object value = body.getValue(field.name());
      if (value instanceof String typed && field.type() == FieldSpec.Type.DECIMAL) {
        body.put(field.name(), decimal(typed));
      } else if (value instanceof String typed && field.type() == FieldSpec.Type.DATE_TIME) {
        body.put(field.name(), LocalTimes.withOffset(typed, zone.getId()));
      } else if (field.type() == FieldSpec.Type.FLAG) {
        // A checkbox left unticked sends nothing: that is a no, not "keep the default".
        body.put(field.name(), form.contains(field.name()));
      } else if (field.type() == FieldSpec.Type.CHOICE_LIST) {
        body.put(field.name(), new JsonArray(List.copyOf(form.getAll(field.name()))));
      }
    }
    return body;
  }

  /** What was typed, to show again with a refusal. */
  static JsonObject typed(ResourceSpec spec, MultiMap form) {
    JsonObject typed = Forms.json(form, names(spec), Set.of());
    spec.fields().stream().filter(field -> field.type() == FieldSpec.Type.FLAG)
        .forEach(field -> typed.put(field.name(), String.valueOf(form.contains(field.name()))));
    spec.fields().stream().filter(field -> field.type() == FieldSpec.Type.CHOICE_LIST)
        .forEach(field -> typed.put(field.name(), String.join(",", form.getAll(field.name()))));
    return typed;
  }

  /** A stored resource as its form's values. */
  static JsonObject values(ResourceSpec spec, JsonObject item, ZoneId zone) {
    JsonObject values = new JsonObject();
    spec.fields().forEach(field -> {
      Object value = item.getValue(field.name());
      if (value != null) {
        values.put(field.name(), field.type() == FieldSpec.Type.DATE_TIME ? LocalTimes.field((String) value, zone)
            : value instanceof JsonArray list ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(value));
      }
    });
    return values;
  }

  /**
   * The form's fields in the kind's order: label, input, value, error, and for a choice or a
   * reference the options ({@code programme} holds the resources a reference names); each
   * problem said in {@code language}, the page's.
   */
  static JsonArray fields(ResourceSpec spec, JsonObject values, JsonObject programme, String language,
                          List<FieldError> errors) {
    JsonObject messages = I18n.messages(language);
    return new JsonArray(spec.fields().stream().map(field -> {
      // A new resource's form starts from what the API would store when a field is left out.
      String value = values.getString(field.name(), field.fallback() == null || field.type() == FieldSpec.Type.CHOICE_LIST
          ? "" : String.valueOf(field.fallback()));
      JsonObject shown = new JsonObject().put("name", field.name()).put("id", spec.path() + "-" + field.name())
          .put("label", messages.getString("field_" + field.name(), field.name())).put("value", value)
          .put("required", field.required() && field.type() != FieldSpec.Type.SLUG).put("input", input(field))
          // A slug is made from the name when left blank: set-up asks for it only in its "advanced" part.
          .put("advanced", field.type() == FieldSpec.Type.SLUG)
          .put("step", field.type() == FieldSpec.Type.DECIMAL ? "any" : null)
          .put("error", errors.stream().filter(e -> e.field().equals(field.name())).map(e -> e.text(language))
              .findFirst().orElse(null));
      if (field.type() == FieldSpec.Type.CHOICE || field.type() == FieldSpec.Type.REFERENCE) {
        shown.put("select", true).put("options", options(spec, field, value, programme, messages));
      } else if (field.type() == FieldSpec.Type.FLAG) {
        shown.put("checkbox", true).put("checked", "true".equals(value) || "on".equals(value));
      } else if (field.type() == FieldSpec.Type.CHOICE_LIST) {
        List<String> chosen = List.of(value.split(","));
        shown.put("choices", new JsonArray(field.choices().stream().map(choice -> (Object) new JsonObject()
            .put("value", choice).put("name", field.name()).put("id", spec.path() + "-" + field.name() + "-" + choice)
            .put("checked", chosen.contains(choice))).toList()));
      }
      return (Object) shown;
    }).toList());
  }

  /**
   * The list: one column per field but the slug (set-up speaks names), one row per resource with
   * its key for the edit link; each value as the page says it: a kind in words, yes or no, a
   * place by its name, a time on the fair's clock ({@code zone}).
   */
  static JsonObject table(ResourceSpec spec, JsonArray items, JsonObject programme, String language, ZoneId zone) {
    JsonObject messages = I18n.messages(language);
    List<FieldSpec> shown = spec.fields().stream().filter(field -> field.type() != FieldSpec.Type.SLUG).toList();
    return new JsonObject()
        .put("columns", new JsonArray(shown.stream().map(f -> (Object) messages.getString("field_" + f.name(), f.name())).toList()))
        .put("rows", new JsonArray(items.stream().map(JsonObject.class::cast).map(item -> {
          List<Object> cells = shown.stream()
              .map(field -> (Object) cell(spec, field, item.getValue(field.name()), programme, language, zone)).toList();
          // The edit link names its row as the row shows it (a name, a number, a time), never by its slug.
          return (Object) new JsonObject().put("key", String.valueOf(item.getValue(spec.key())))
              .put("label", cells.isEmpty() ? "" : cells.get(0)).put("cells", new JsonArray(cells));
        }).toList()));
  }

  private static String cell(ResourceSpec spec, FieldSpec field, Object value, JsonObject programme, String language,
                             ZoneId zone) {
    if (value == null) {
      return "";
    }
    return switch (field.type()) {
      case FLAG -> Catalogue.text(language, Boolean.TRUE.equals(value) ? "admin_yes" : "admin_no");
      case CHOICE -> choiceLabel(spec, field, String.valueOf(value), I18n.messages(language));
      case REFERENCE -> referenceName(field, String.valueOf(value), programme);
      case DATE_TIME -> Dates.dateTime(language, OffsetDateTime.parse((String) value).atZoneSameInstant(zone).toLocalDateTime());
      case CHOICE_LIST -> value instanceof JsonArray list ? String.join(", ", list.stream().map(String::valueOf).toList())
          : String.valueOf(value);
      default -> String.valueOf(value);
    };
  }

  /** A choice in words ({@code room_kind_conference}: "Salle de conférence"), else as stored. */
  private static String choiceLabel(ResourceSpec spec, FieldSpec field, String value, JsonObject messages) {
    return messages.getString(spec.what().toLowerCase(Locale.ROOT) + "_" + field.name() + "_" + value, value);
  }

  /** The name of the place a reference names by its slug. */
  private static String referenceName(FieldSpec field, String slug, JsonObject programme) {
    return ResourceCatalog.ALL.stream().filter(spec -> spec.table().equals(field.refTable())).findFirst()
        .flatMap(spec -> programme.getJsonArray(spec.jsonName()).stream().map(JsonObject.class::cast)
            .filter(item -> slug.equals(item.getString("slug"))).findFirst())
        .map(item -> item.getString("name", slug)).orElse(slug);
  }

  private static String input(FieldSpec field) {
    return switch (field.type()) {
      case WHOLE, DECIMAL -> "number";
      case DATE_TIME -> "datetime-local";
      default -> "color".equals(field.name()) ? "color" : "text";
    };
  }

  /** A choice's or a reference's options, each said in words or by the place's name. */
  private static JsonArray options(ResourceSpec spec, FieldSpec field, String selected, JsonObject programme,
                                   JsonObject messages) {
    List<String> choices = field.type() == FieldSpec.Type.CHOICE ? field.choices()
        : ResourceCatalog.ALL.stream().filter(referenced -> referenced.table().equals(field.refTable())).findFirst()
            .map(referenced -> programme.getJsonArray(referenced.jsonName()).stream()
                .map(item -> ((JsonObject) item).getString("slug")).toList())
            .orElse(List.of());
    JsonArray options = new JsonArray();
    if (!field.required()) {
      options.add(new JsonObject().put("value", "").put("label", "—").put("selected", selected.isEmpty()));
    }
    choices.forEach(choice -> options.add(new JsonObject().put("value", choice)
        .put("label", field.type() == FieldSpec.Type.CHOICE ? choiceLabel(spec, field, choice, messages)
            : referenceName(field, choice, programme))
        .put("selected", choice.equals(selected))));
    return options;
  }

  private static List<String> names(ResourceSpec spec) {
    return spec.fields().stream().map(FieldSpec::name).toList();
  }

  private static Set<String> names(ResourceSpec spec, FieldSpec.Type type) {
    return spec.fields().stream().filter(f -> f.type() == type).map(FieldSpec::name).collect(Collectors.toSet());
  }

  private static Object decimal(String typed) {
    try {
      return Double.parseDouble(typed);
    } catch (NumberFormatException e) {
      return typed;
    }
  }
}
