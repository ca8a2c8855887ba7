package fr.parcours.fair;

import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Locale;

/** The home page: the published fairs, with where to book a class and read the programme. */
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
        .map(list -> new JsonArray(list.stream().map(fair -> (Object) new JsonObject()
            .put("slug", fair.slug())
            .put("name", fair.details().name())
            .put("city", fair.details().city())
            .put("description", fair.details().description())
            .put("dates", fair.dateLabels(locale))
            .put("registration_open", fair.registrationOpen(now))).toList()))
        .onSuccess(list -> pages.render(ctx, 200, "home", new JsonObject().put("title", "Parcours").put("fairs", list)))
        .onFailure(ctx::fail);
  }
}
