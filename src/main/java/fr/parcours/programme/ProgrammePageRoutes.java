package fr.parcours.programme;

import fr.parcours.calendar.Selections;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.stand.StandMap;
import fr.parcours.stand.StandService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The visitors' programme of a published fair: the timetable with its filters, the stand map
 * and the calendar subscriptions; and one page per session.
 */
public final class ProgrammePageRoutes {

  private final FairService fairs;
  private final ResourceService resources;
  private final StandService stands;
  private final Pages pages;
  private final FeedLinks feeds;
  private final VisitorSelection visitor;

  public ProgrammePageRoutes(FairService fairs, ResourceService resources, StandService stands,
                             Selections selections, Pages pages,
                             String publicUrl) {
    this.fairs = fairs;
    this.resources = resources;
    this.stands = stands;
    this.pages = pages;
    this.feeds = new FeedLinks(publicUrl);
    this.visitor = new VisitorSelection(selections);
  }

  public void mount(Router router) {
    router.get("/fairs/:fairSlug").handler(this::programme);
    router.get("/fairs/:fairSlug/sessions/:id").handler(this::session);
    new SelectionPageRoutes(fairs, resources, visitor, pages).mount(router);
  }

  private void programme(RoutingContext ctx) {
    ProgrammeFilter filter = ProgrammeFilter.of(ctx.queryParams());
    JsonObject messages = I18n.messages(I18n.language(ctx));
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    load(ctx).compose(loaded -> stands.holders(loaded.fair()).map(holders -> fairModel(ctx, loaded.fair())
            .put("filter", ProgrammeFilters.model(loaded.programme(), filter, messages))
            .put("grid", starred(TimetableGrid.build(loaded.programme(), filter, messages, locale), loaded))
            .put("stand_maps", StandMap.withHolders(StandMap.build(loaded.document().getJsonArray("stand_spots"),
                loaded.document().getJsonArray("zones"), holders.keySet()), holders))
            .put("feeds", feeds.forFair(loaded.fair().slug(), loaded.programme(), messages))))
        .onSuccess(model -> pages.render(ctx, 200, "programme", model))
        .onFailure(ctx::fail);
  }

  private void session(RoutingContext ctx) {
    long id = Http.idParam(ctx, "id", "Session");
    JsonObject messages = I18n.messages(I18n.language(ctx));
    load(ctx).map(loaded -> {
      Programme programme = loaded.programme();
      ShownSession session = programme.sessions().stream().filter(s -> s.id() == id).findFirst()
          .orElseThrow(() -> AppException.notFound("Session " + id));
      return fairModel(ctx, loaded.fair())
          .put("title", session.title())
          .put("session", TimetableGrid.card(programme, session, messages)
              .put("description", session.description())
              .put("association", programme.associationName(session.association()))
              .put("association_description", programme.associationDescription(session.association()))
              .put("capacity", session.capacity())
              .put("starred", loaded.starred().contains(session.id())))
          .put("feeds", feeds.forSession(loaded.fair().slug(), session, programme));
    }).onSuccess(model -> pages.render(ctx, 200, "session", model)).onFailure(ctx::fail);
  }

  private record Loaded(Fair fair, JsonObject document, Programme programme, Set<Long> starred) {
  }

  private Future<Loaded> load(RoutingContext ctx) {
    String slug = ctx.pathParam("fairSlug");
    return fairs.readable(slug, null)
        .compose(fair -> Future.all(resources.programme(fair), visitor.current(ctx, slug))
            .map(both -> new Loaded(fair, both.resultAt(0), Programme.of(both.resultAt(0)),
                VisitorSelection.starred(both.resultAt(1)))));
  }

  private static JsonObject starred(JsonObject grid, Loaded loaded) {
    VisitorSelection.mark(grid, loaded.starred());
    return grid;
  }

  /** What every page of a fair shows of it, and where its star forms send the visitor back to. */
  static JsonObject fairModel(RoutingContext ctx, Fair fair) {
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    return new JsonObject()
        .put("return_to", ctx.request().uri())
        .put("title", fair.details().name())
        .put("fair", new JsonObject().put("slug", fair.slug()).put("name", fair.details().name())
            .put("city", fair.details().city()).put("description", fair.details().description())
            .put("dates", fair.dateLabels(locale))
            .put("registration_open", fair.registrationOpen(Instant.now())));
  }
}
