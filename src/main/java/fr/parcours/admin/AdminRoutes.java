package fr.parcours.admin;

import fr.parcours.association.OfferPlacement;
import fr.parcours.association.OfferService;
import fr.parcours.association.ProgrammeConflicts;
import fr.parcours.allocation.AllocationService;
import fr.parcours.auth.AuthService;
import fr.parcours.auth.Organiser;
import fr.parcours.auth.ThrottledLogin;
import fr.parcours.booking.BookingDesk;
import fr.parcours.booking.BookingFilter;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.checkin.NoShowQuery;
import fr.parcours.checkin.NoShows;
import fr.parcours.checkin.Turnout;
import fr.parcours.challenge.ChallengeView;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.planner.PlanEvents;
import fr.parcours.planner.PlanService;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.programme.Programme;
import fr.parcours.stand.StandDesk;
import fr.parcours.web.Csv;
import fr.parcours.web.ErrorHandler;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The organiser's area: sign in and out, the fairs they own, and per fair a dashboard (fill
 * rates, flows, bookings, waiting lists, CSV exports), its setup, its offers and its placement
 * grid and its planner (each in a class of its own). Signed-out visitors are sent to the sign-in form.
 */
public final class AdminRoutes {

  private static final String FAIR = AdminSession.PATH + "/fairs/:fairSlug";

  private final AdminSession session;
  private final FairService fairs;
  private final ResourceService resources;
  private final BookingDesk desk;
  private final StandDesk stands;
  private final ChallengeService challenges;
  private final Pages pages;
  private final DayServices day;
  private final List<Consumer<Router>> fairPages;

  public AdminRoutes(AuthService auth, ThrottledLogin logins, FairService fairs, ResourceService resources, BookingDesk desk,
                     StandDesk stands, ChallengeService challenges, OfferService offers, OfferPlacement placement, ProgrammeConflicts conflicts,
                     SetupServices setup, PlanService plans, PlanEvents planEvents, DayServices day,
                     AllocationService allocations, Pages pages) {
    this.session = new AdminSession(auth, logins, fairs);
    this.fairs = fairs;
    this.resources = resources;
    this.desk = desk;
    this.stands = stands;
    this.challenges = challenges;
    this.pages = pages;
    this.day = day;
    this.fairPages = List.of(new FairSetupPages(session, fairs, resources, pages)::mount,
        new GridPages(session, resources, pages)::mount, new PlacePages(session, resources, setup.imports(), pages)::mount,
        new CopyPages(session, setup.copies(), pages)::mount, new BookingRulesPages(session, desk, pages)::mount, new TeamPages(session, fairs, setup.team(), pages)::mount,
        new ResourcePages(session, resources, pages)::mount, new OfferPages(session, offers, resources, pages)::mount,
        new PlacementPages(session, resources, offers, placement, conflicts, desk, pages)::mount,
        new PlanPages(session, resources, plans, planEvents, pages)::mount,
        new AllocationPages(session, allocations, pages)::mount,
        new CheckInPages(session, day.checkIns(), pages)::mount,
        new AttendancePages(session, day.checkIns(), pages)::mount, new DayPages(session, fairs, day)::mount,
        new PresencePages(session, day.presences(), pages)::mount);
  }

  public void mount(Router router) {
    fairPages.forEach(pagesOfFair -> pagesOfFair.accept(router));
    router.get(AdminSession.PATH).handler(this::home);
    router.post(AdminSession.PATH + "/login").handler(this::signIn);
    router.post(AdminSession.PATH + "/logout").handler(ctx -> session.signOut(ctx)
        .onSuccess(done -> Http.seeOther(ctx, AdminSession.PATH)).onFailure(ctx::fail));
    router.get(FAIR).handler(ctx -> session.signedIn(ctx, organiser -> dashboard(ctx, organiser)));
    router.get(FAIR + "/bookings.csv").handler(ctx -> session.signedIn(ctx, organiser -> csv(ctx, "bookings.csv",
        desk.schoolsCsv(ctx.pathParam("fairSlug"), organiser, I18n.language(ctx)))));
    router.get(FAIR + "/sessions/:sessionId/attendees.csv").handler(ctx -> session.signedIn(ctx, organiser -> csv(ctx,
        "attendees.csv", desk.attendeesCsv(ctx.pathParam("fairSlug"), organiser,
            Http.idParam(ctx, "sessionId", "session"), I18n.language(ctx)))));
  }

  private void home(RoutingContext ctx) {
    session.organiser(ctx)
        .onSuccess(organiser -> fairList(ctx, organiser))
        .onFailure(error -> {
          if (AdminSession.isSignedOut(error)) {
            signInPage(ctx, 200, new JsonObject(), List.of());
          } else {
            ctx.fail(error);
          }
        });
  }

  private void signIn(RoutingContext ctx) {
    String email = ctx.request().getFormAttribute("email");
    String password = ctx.request().getFormAttribute("password");
    JsonObject typed = new JsonObject().put("email", email);
    List<FieldError> missing = new ArrayList<>();
    if (email == null || email.isBlank()) {
      missing.add(FieldError.of("email", "REQUIRED"));
    }
    if (password == null || password.isEmpty()) {
      missing.add(FieldError.of("password", "REQUIRED"));
    }
    if (!missing.isEmpty()) {
      signInPage(ctx, 400, typed, missing);
      return;
    }
    session.signIn(ctx, email.strip(), password)
        .onSuccess(done -> Http.seeOther(ctx, AdminSession.PATH))
        .onFailure(error -> {
          if (error instanceof AppException refusal) {
            signInPage(ctx, ErrorHandler.status(refusal.kind()), typed, refusal.kind() == AppException.Kind.TOO_MANY
                ? Pages.fieldErrors(refusal) : List.of(FieldError.of("password", "LOGIN_FAILED")));
          } else {
            ctx.fail(error);
          }
        });
  }

  private void signInPage(RoutingContext ctx, int status, JsonObject typed, List<FieldError> errors) {
    pages.render(ctx, status, "admin-login", new JsonObject().put("title", I18n.message(I18n.language(ctx),
        "admin_title")).put("form", typed).put("errors", Pages.errorList(errors)));
  }

  private void fairList(RoutingContext ctx, Organiser organiser) {
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    fairs.ofMember(organiser).onSuccess(list -> pages.render(ctx, 200, "admin-fairs", new JsonObject()
        .put("title", I18n.message(I18n.language(ctx), "admin_title"))
        .put("organiser", organiser.toJson())
        .put("fairs", new JsonArray(list.stream().map(fair -> (Object) new JsonObject().put("slug", fair.slug())
            .put("name", fair.details().name()).put("city", fair.details().city())
            .put("dates", fair.dateLabels(locale)).put("published", fair.published())
            .put("registration_open", fair.registrationOpen(Instant.now()))).toList()))))
        .onFailure(ctx::fail);
  }

  private Future<Void> dashboard(RoutingContext ctx, Organiser organiser) {
    String slug = ctx.pathParam("fairSlug");
    boolean byRoom = "room".equals(ctx.queryParams().get("by"));
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    NoShowQuery cutoff = cutoff(ctx);
    return fairs.require(slug, organiser, FairRole.STAFF).compose(fair -> Future.all(List.of(resources.programme(fair),
            desk.list(slug, organiser, new BookingFilter(null, null, null)), stands.list(slug, organiser),
            challenges.ofFair(fair), day.day().turnout(fair), day.day().arrivals(fair),
            cutoff == null ? Future.succeededFuture() : day.day().noShows(fair, cutoff.day(), cutoff.cutoff())))
        .map(all -> {
          FairProgramme content = all.resultAt(0);
          Programme programme = Programme.of(content);
          Map<Long, Turnout> turnout = all.resultAt(4);
          LocalDateTime now = LocalDateTime.now(fair.zone());
          pages.render(ctx, 200, "admin-dashboard", Dashboard.model(fair, programme,
                  ((JsonObject) all.resultAt(1)).getJsonArray("bookings"), byRoom)
              .put("flows", FlowChart.build(programme, turnout))
              .put("day", DayBoard.model(programme, turnout, all.resultAt(5), now, (NoShows) all.resultAt(6), language)
                  .put("cutoff_day", cutoff == null ? now.toLocalDate().toString() : null)
                  .put("cutoff_time", cutoff == null ? now.toLocalTime().withSecond(0).withNano(0).toString() : null)
                  .put("released", ctx.queryParams().get("released")).put("promoted", ctx.queryParams().get("promoted"))
                  .put("days", new JsonArray(fair.days().stream().map(d -> (Object) d.day().toString()).toList())))
              .put("stands", StandBoard.model(((JsonObject) all.resultAt(2)).getJsonArray("reservations"),
                  content.standSpots(), content.zones(), messages))
              .put("challenges", ChallengeView.forPage(all.resultAt(3), messages).getJsonArray("challenges"))
              .put("organiser", organiser.toJson())
              .put("title", fair.details().name()));
          return null;
        }));
  }

  /** The no-shows' cut-off the organiser asked for on the dashboard ({@code ?cutoff=10:00&day=…}), if any. */
  private static NoShowQuery cutoff(RoutingContext ctx) {
    String time = ctx.queryParams().get("cutoff");
    if (time == null || time.isBlank()) {
      return null;
    }
    return NoShowQuery.parse(JsonInput.of(new JsonObject().put("cutoff", time).put("day", ctx.queryParams().get("day"))));
  }

  private static Future<Void> csv(RoutingContext ctx, String fileName, Future<String> body) {
    Http.attachment(ctx, fileName, Csv.CONTENT_TYPE, body);
    return Future.succeededFuture();
  }

}
