package fr.parcours.allocation;

import fr.parcours.i18n.Dates;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;

/**
 * The public draw page: the published seed, the schools' tickets in draw order, and how anyone
 * re-checks a ticket with a shell; before the publication, when it is due.
 */
public final class AllocationPageRoutes {

  private final AllocationService allocations;
  private final Pages pages;

  public AllocationPageRoutes(AllocationService allocations, Pages pages) {
    this.allocations = allocations;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/fairs/:fairSlug/draw").handler(this::draw);
  }

  private void draw(RoutingContext ctx) {
    String language = I18n.language(ctx);
    allocations.publishedDraw(ctx.pathParam("fairSlug"))
        .onSuccess(draw -> {
          String due = draw.getString("allocation_at");
          if (due != null) {
            draw.put("allocation_at", Dates.dateTime(language, OffsetDateTime.parse(due).toLocalDateTime()));
          }
          JsonObject model = new JsonObject()
              .put("title", I18n.message(language, "draw_title") + " — " + draw.getString("name"))
              .put("draw", draw);
          if (draw.getBoolean("published")) {
            JsonObject first = draw.getJsonArray("draw").isEmpty() ? null : draw.getJsonArray("draw").getJsonObject(0);
            model.put("example", first == null ? null : new JsonObject()
                .put("command", "printf '%s' '" + draw.getLong("seed") + ":" + first.getString("school") + "' | sha256sum")
                .put("ticket", first.getString("ticket")));
          }
          pages.render(ctx, 200, "draw", model);
        })
        .onFailure(ctx::fail);
  }
}
