package fr.parcours.fair;

import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The home page: the published fairs by city and date, with where to book a class and read the programme. */
public final class FairPageRoutes {

  private final FairService fairs;
  private final Pages pages;

  public FairPageRoutes(FairService fairs, Pages pages) {
    this.fairs = fairs;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
  }

  private void home(RoutingContext ctx) {
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    Instant now = Instant.now();
    fairs.published()
        .map(list -> byCity(list, fair -> new JsonObject()
            .put("slug", fair.slug())
            .put("name", fair.details().name())
            .put("description", fair.details().description())
            .put("dates", fair.dateLabels(locale))
            .put("registration_open", fair.registrationOpen(now))
            .put("registration_notice", fair.registrationNotice(I18n.language(ctx), now))))
        .onSuccess(cities -> pages.render(ctx, 200, "home", new JsonObject().put("title", "Parcours")
            .put("cities", cities)))
        .onFailure(ctx::fail);
  }

  /** Cities in alphabetical order, each with its fairs by first day. */
  static JsonArray byCity(List<Fair> fairs, Function<Fair, JsonObject> card) {
    Map<String, List<Fair>> cities = new TreeMap<>();
    fairs.forEach(fair -> cities.computeIfAbsent(fair.details().city(), city -> new ArrayList<>()).add(fair));
    JsonArray list = new JsonArray();
    cities.forEach((city, inCity) -> list.add(new JsonObject().put("city", city).put("fairs", new JsonArray(inCity.stream()
        .sorted(Comparator.comparing((Fair fair) -> fair.days().get(0).day()))
        .map(fair -> (Object) card.apply(fair)).toList()))));
    return list;
  }
}
