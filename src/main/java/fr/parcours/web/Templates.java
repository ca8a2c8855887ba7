package fr.parcours.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import fr.parcours.common.ClassPathFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.templ.handlebars.impl.JsonFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Handlebars templates under {@code templates/} on the class path, each read and compiled
 * once, partials included: Vert.x's engine reads and parses a partial again at every use (the
 * programme page uses its star partial hundreds of times). Rendering is CPU work: callers run
 * it off the event loop.
 */
final class Templates {

  private static final String DIRECTORY = "templates";
  private static final String SUFFIX = ".hbs";
  private static final ValueResolver[] RESOLVERS = Stream.concat(ValueResolver.defaultValueResolvers().stream(),
      Stream.of(JsonValues.INSTANCE)).toArray(ValueResolver[]::new);

  private final Handlebars handlebars = new Handlebars(new ReadOnce()).with(new ConcurrentMapTemplateCache())
      .with(new JsonFormatter());
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  /** Compiles the templates {@code which} names now, so that their first page costs what the hundredth does. Blocking. */
  void compile(Predicate<String> which) {
    names().stream().filter(which).forEach(this::template);
  }

  /** {@code name} is the template's path under templates/ without its suffix ("programme"). Blocking. */
  String render(String name, JsonObject model) {
    try {
      return template(name).apply(Context.newBuilder(model.getMap()).resolver(RESOLVERS).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Template template(String name) {
    return compiled.computeIfAbsent(name, missing -> {
      try {
        return handlebars.compile(missing);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot compile template " + missing, e);
      }
    });
  }

  /** Every template's name, partials included, from the directory or the jar the classes came from. */
  private static List<String> names() {
    return ClassPathFiles.under(DIRECTORY, SUFFIX).stream()
        .map(path -> path.substring(0, path.length() - SUFFIX.length())).toList();
  }

  /** Gives each template's text once, as the same source every time, so the cache knows it again. */
  private static final class ReadOnce extends ClassPathTemplateLoader {

    private final Map<String, TemplateSource> sources = new ConcurrentHashMap<>();

    ReadOnce() {
      super("/" + DIRECTORY, SUFFIX);
      setCharset(StandardCharsets.UTF_8);
    }

    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      TemplateSource known = sources.get(location);
      if (known != null) {
        return known;
      }
      TemplateSource read = super.sourceAt(location);
      TemplateSource kept = new StringTemplateSource(read.filename(), read.content(getCharset()));
      TemplateSource raced = sources.putIfAbsent(location, kept);
      return raced == null ? kept : raced;
    }
  }

  /** Reads Vert.x JSON values as Vert.x's own Handlebars engine does: fields, and arrays' items and length. */
  private enum JsonValues implements ValueResolver {
    INSTANCE;

    @Override
    public Object resolve(Object context, String name) {
      if (context instanceof JsonObject object) {
        return known(object.getValue(name));
      }
      if (context instanceof JsonArray array) {
        if (name.equals("length") || name.equals("size")) {
          return array.size();
        }
        try {
          int index = Integer.parseInt(name);
          return index >= 0 && index < array.size() ? known(array.getValue(index)) : UNRESOLVED;
        } catch (NumberFormatException e) {
          return UNRESOLVED;
        }
      }
      return UNRESOLVED;
    }

    /** A null is no value, so the lookup goes on in the enclosing contexts. */
    private static Object known(Object value) {
      return value == null ? UNRESOLVED : value;
    }

    @Override
    public Object resolve(Object context) {
      return context instanceof JsonObject || context instanceof JsonArray ? context : UNRESOLVED;
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
      return context instanceof JsonObject object ? object.getMap().entrySet() : Set.of();
    }
  }
}
