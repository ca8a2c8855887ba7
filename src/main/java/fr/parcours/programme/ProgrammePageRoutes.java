package fr.parcours.programme;

import fr.parcours.fair.resource.ShownSession;
import fr.parcours.calendar.Selections;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.stand.StandMap;
import fr.parcours.stand.StandService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.live.Change;
import fr.parcours.web.PageBody;
import fr.parcours.web.Pages;
import fr.parcours.web.PreparedCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The visitors' programme of a published fair: the timetable with its filters, the stand map
 * and the calendar subscriptions; and one page per session.
 */
public final class ProgrammePageRoutes {

  /** What each page shows of a fair, so what changes make it prepared again. */
  private static final Set<String> PROGRAMME_SHOWS = labels(Change.Kind.PROGRAMME, Change.Kind.AVAILABILITY,
      Change.Kind.STANDS);
  private static final Set<String> SESSION_SHOWS = labels(Change.Kind.PROGRAMME, Change.Kind.AVAILABILITY);

  private final FairService fairs;
  private final ResourceService resources;
  private final StandService stands;
  private final Pages pages;
  private final PreparedCache<PageBody> prepared;
  private final FeedLinks feeds;
  private final VisitorSelection visitor;

  public ProgrammePageRoutes(FairService fairs, ResourceService resources, StandService stands,
                             Selections selections, Pages pages, PreparedCache<PageBody> prepared,
                             String publicUrl) {
    this.fairs = fairs;
    this.resources = resources;
    this.stands = stands;
    this.pages = pages;
    this.prepared = prepared;
    this.feeds = new FeedLinks(publicUrl);
    this.visitor = new VisitorSelection(selections);
  }

  /** The pages every visitor's phone opens on the day, mounted ahead of the routes they need not try. */
  public void mountFirst(Router router) {
    router.get("/fairs/:fairSlug").handler(ctx -> page(ctx, "programme", PROGRAMME_SHOWS, this::programme));
    router.get("/fairs/:fairSlug/sessions/:id").handler(ctx -> page(ctx, "session", SESSION_SHOWS, this::session));
  }

  public void mount(Router router) {
    new SelectionPageRoutes(fairs, resources, visitor, pages).mount(router);
  }

  /**
   * A visitor without stars gets the page prepared for everyone (per language and address, so
   * per filter combination), rendered once per change of what it shows; a visitor with stars
   * gets one rendered for them alone.
   */
  private void page(RoutingContext ctx, String template, Set<String> shows,
                    BiFunction<RoutingContext, Loaded, Future<JsonObject>> model) {
    String slug = ctx.pathParam("fairSlug");
    visitor.current(ctx, slug).map(VisitorSelection::starred).onSuccess(starred -> {
      if (!starred.isEmpty()) {
        load(slug, starred).compose(loaded -> model.apply(ctx, loaded))
            .onSuccess(page -> pages.render(ctx, 200, template, page)).onFailure(ctx::fail);
        return;
      }
      String key = template + "/" + I18n.language(ctx) + ctx.request().uri();
      prepared.get(key, () -> load(slug, Set.of()).compose(loaded -> model.apply(ctx, loaded)
              .compose(page -> pages.prepare(ctx, template, page))
              .map(body -> new PreparedCache.Entry<>(body, loaded.fair().id(), shows,
                  loaded.fair().registrationChangeAfter(Instant.now()).orElse(null), body.bytes()))))
          .onSuccess(body -> Pages.send(ctx, body)).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private Future<JsonObject> programme(RoutingContext ctx, Loaded loaded) {
    ProgrammeFilter filter = ProgrammeFilter.of(ctx.queryParams());
    JsonObject messages = I18n.messages(I18n.language(ctx));
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    return stands.holders(loaded.fair()).map(holders -> fairModel(ctx, loaded.fair())
        .put("filter", ProgrammeFilters.model(loaded.programme(), filter, messages))
        .put("grid", starred(TimetableGrid.build(loaded.programme(), filter, messages, locale), loaded))
        .put("stand_maps", StandMap.withHolders(StandMap.build(loaded.content().standSpots(),
            loaded.content().zones(), holders.keySet()), holders))
        .put("feeds", feeds.forFair(loaded.fair().slug(), loaded.programme(), messages)));
  }

  private Future<JsonObject> session(RoutingContext ctx, Loaded loaded) {
    long id = Http.idParam(ctx, "id", "session");
    JsonObject messages = I18n.messages(I18n.language(ctx));
    Programme programme = loaded.programme();
    ShownSession session = programme.sessions().stream().filter(s -> s.id() == id).findFirst()
        .orElseThrow(() -> AppException.notFound("session", id));
    return Future.succeededFuture(fairModel(ctx, loaded.fair())
        .put("title", session.title())
        .put("session", TimetableGrid.card(programme, session, messages)
            .put("description", session.description())
            .put("association", programme.associationName(session.association()))
            .put("association_description", programme.associationDescription(session.association()))
            .put("capacity", session.capacity())
            .put("starred", loaded.starred().contains(session.id())))
        .put("feeds", feeds.forSession(loaded.fair().slug(), session, programme)));
  }

  private record Loaded(Fair fair, FairProgramme content, Programme programme, Set<Long> starred) {
  }

  private Future<Loaded> load(String slug, Set<Long> starred) {
    return fairs.readable(slug, null).compose(fair -> resources.programme(fair)
        .map(content -> new Loaded(fair, content, Programme.of(content), starred)));
  }

  private static Set<String> labels(Change.Kind... kinds) {
    return Stream.of(kinds).map(Change.Kind::label).collect(Collectors.toUnmodifiableSet());
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
