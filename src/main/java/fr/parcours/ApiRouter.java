package fr.parcours;

import fr.parcours.admin.AdminRoutes;
import fr.parcours.admin.DayServices;
import fr.parcours.admin.SetupServices;
import fr.parcours.allocation.AllocationPageRoutes;
import fr.parcours.allocation.AllocationRoutes;
import fr.parcours.allocation.AllocationShareRoutes;
import fr.parcours.allocation.RequestPages;
import fr.parcours.allocation.RequestRoutes;
import fr.parcours.association.AssociationAuth;
import fr.parcours.association.AssociationHomeRoutes;
import fr.parcours.association.AssociationPageRoutes;
import fr.parcours.association.AssociationRoutes;
import fr.parcours.association.OfferKind;
import fr.parcours.association.OfferPageRoutes;
import fr.parcours.association.OfferRoutes;
import fr.parcours.auth.AuthRoutes;
import fr.parcours.auth.ThrottledLogin;
import fr.parcours.booking.BookingFormRoutes;
import fr.parcours.booking.BookingPageRoutes;
import fr.parcours.booking.BookingRoutes;
import fr.parcours.calendar.CalendarRoutes;
import fr.parcours.challenge.ChallengeChoices;
import fr.parcours.challenge.ChallengeRoutes;
import fr.parcours.checkin.CheckInRoutes;
import fr.parcours.checkin.DayRoutes;
import fr.parcours.booking.LateBusRoutes;
import fr.parcours.edition.CopyRoutes;
import fr.parcours.fair.FairPageRoutes;
import fr.parcours.fair.SessionKind;
import fr.parcours.imports.ImportRoutes;
import fr.parcours.fair.FairRoutes;
import fr.parcours.metrics.MetricsRoutes;
import fr.parcours.planner.PlanEvents;
import fr.parcours.planner.PlanRoutes;
import fr.parcours.live.LiveRoutes;
import fr.parcours.programme.ProgrammePageRoutes;
import fr.parcours.stand.StandPageRoutes;
import fr.parcours.stand.StandRoutes;
import fr.parcours.team.TeamRoutes;
import fr.parcours.web.ErrorHandler;
import fr.parcours.web.HealthRoutes;
import fr.parcours.web.OpenApiRoutes;
import fr.parcours.web.PageSecurity;
import fr.parcours.web.Pages;
import fr.parcours.web.RequestGuard;
import fr.parcours.web.StrayFailures;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Map;

/** Mounts every feature's routes on one router: the map from a URL to its handler. */
final class ApiRouter {

  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private ApiRouter() {
  }

  static Router create(Services services) {
    Router router = Router.router(services.vertx);
    StrayFailures.install(services.vertx, router);
    router.route().handler(PageSecurity::headers);
    router.route().handler(RequestGuard::line);
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.route().handler(RequestGuard::form);
    router.route().handler(new PageSecurity(services.config.publicUrl()));
    AssociationAuth associationAuth = new AssociationAuth(services.associations, services.auth, services.fairs,
        services.config.publicUrl());
    ThrottledLogin logins = new ThrottledLogin(services.auth, services.throttle);
    AuthRoutes auth = new AuthRoutes(services.auth, logins);
    CalendarRoutes calendars = new CalendarRoutes(services.calendars, services.selections, associationAuth);
    FairRoutes fairs = new FairRoutes(services.fairs, services.resources, auth, services.preparedApi);
    BookingRoutes bookings = new BookingRoutes(services.bookings, services.bookingDesk, services.throttle,
        auth.requireOrganiser(), services.preparedApi);
    Pages pages = services.pages;
    ProgrammePageRoutes programme = new ProgrammePageRoutes(services.fairs, services.resources, services.stands,
        services.selections, pages, services.preparedPages, services.config.publicUrl());
    // What calendar apps and visitors' phones poll, and a registration rush's bookings, come first:
    // routes are tried one by one in order, a regular expression each, and trying the hundred before
    // availability was half of its CPU (a third of the programme page's). None of the routes these
    // move ahead of matches their paths and methods, so the order changes no answer.
    calendars.mountFeeds(router);
    fairs.mountReads(router);
    bookings.mountFirst(router);
    programme.mountFirst(router);
    calendars.mount(router);
    new HealthRoutes(services.vertx, services.databaseUrl, services.config.dbLimits(), services.databaseStatus).mount(router);
    new OpenApiRoutes(Map.of("SessionKind", SessionKind.NAMES, "OfferKind", OfferKind.NAMES)).mount(router);
    auth.mount(router);
    fairs.mount(router);
    bookings.mount(router);
    new RequestRoutes(services.requests, services.throttle).mount(router);
    new TeamRoutes(services.team, auth.requireOrganiser()).mount(router);
    new CopyRoutes(services.copies, auth.requireOrganiser()).mount(router);
    new ImportRoutes(services.imports, auth.requireOrganiser()).mount(router);
    new CheckInRoutes(services.checkIns, auth.requireOrganiser(), services.config.publicUrl()).mount(router);
    new AllocationShareRoutes(services.allocationShares, auth.requireOrganiser()).mount(router);
    new DayRoutes(services.day, services.presences, auth.requireOrganiser()).mount(router);
    new LateBusRoutes(services.lateBus).mount(router);
    new BookingPageRoutes(services.bookings, services.lateBus,
        new ChallengeChoices(services.challenges, services.challengePicks), pages).mount(router);
    new RequestPages(services.fairs, services.requests, services.bookings, services.throttle, pages).mount(router);
    new BookingFormRoutes(services.fairs, services.bookings, services.throttle, pages).mount(router);
    new FairPageRoutes(services.fairs, pages).mount(router);
    programme.mount(router);
    new AdminRoutes(services.auth, logins, services.fairs, services.resources, services.bookingDesk, services.standDesk,
        services.challenges, services.offers, services.offerPlacement, services.programmeConflicts,
        new SetupServices(services.imports, services.copies, services.team), services.plans,
        new PlanEvents(services.vertx, services.plans),
        new DayServices(services.checkIns, services.day, services.presences, services.dayStreams), services.allocations, pages).mount(router);
    new AssociationRoutes(services.associations, services.schedules, services.fairs, associationAuth,
        services.throttle).mount(router);
    new AssociationPageRoutes(services.associations, associationAuth, services.fairs, services.resources,
        services.throttle, pages)
        .mount(router);
    new AssociationHomeRoutes(services.offers, services.schedules, services.calendars, services.fairs, associationAuth,
        pages).mount(router);
    new OfferPageRoutes(services.offers, services.fairs, services.resources, associationAuth, pages).mount(router);
    new StandRoutes(services.stands, services.standDesk, associationAuth.requireAssociation(), auth.requireOrganiser())
        .mount(router);
    new StandPageRoutes(services.stands, services.schedules, services.fairs, services.resources, associationAuth, pages)
        .mount(router);
    new ChallengeRoutes(services.challenges, services.challengePicks, services.bookings, auth.requireOrganiser())
        .mount(router);
    new OfferRoutes(services.offers, services.offerPlacement, services.fairs, associationAuth, auth.requireOrganiser())
        .mount(router);
    new MetricsRoutes(services.metrics).mount(router);
    new LiveRoutes(services.fairs, services.availabilityStreams, services.clientAddress).mount(router);
    new AllocationRoutes(services.allocations, auth.requireOrganiser()).mount(router);
    new AllocationPageRoutes(services.allocations, pages).mount(router);
    new PlanRoutes(services.vertx, services.plans, services.fairs, auth.requireOrganiser()).mount(router);
    router.route("/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE, "webroot"));
    ErrorHandler errors = new ErrorHandler(pages, services.databaseStatus);
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);
    return router;
  }
}
