package fr.parcours;

import fr.parcours.allocation.AllocationService;
import fr.parcours.allocation.AllocationShareService;
import fr.parcours.allocation.RequestLinks;
import fr.parcours.allocation.RequestService;
import fr.parcours.association.AssociationService;
import fr.parcours.association.OfferPlacement;
import fr.parcours.association.OfferService;
import fr.parcours.association.ProgrammeConflicts;
import fr.parcours.association.ScheduleService;
import fr.parcours.auth.AuthService;
import fr.parcours.booking.AllocatedBookings;
import fr.parcours.booking.Availability;
import fr.parcours.booking.BookingDesk;
import fr.parcours.booking.BookingLinks;
import fr.parcours.booking.BookingService;
import fr.parcours.booking.LateBus;
import fr.parcours.booking.Placements;
import fr.parcours.booking.SessionFollowUp;
import fr.parcours.calendar.CalendarLinks;
import fr.parcours.calendar.Calendars;
import fr.parcours.calendar.Selections;
import fr.parcours.challenge.ChallengePicks;
import fr.parcours.checkin.CheckInService;
import fr.parcours.checkin.DayService;
import fr.parcours.checkin.PresenceService;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.config.AppConfig;
import fr.parcours.config.Settings;
import fr.parcours.db.DatabaseStatus;
import fr.parcours.db.Locks;
import fr.parcours.edition.CopyService;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.imports.ImportService;
import fr.parcours.metrics.AppMetrics;
import fr.parcours.live.AvailabilityStreams;
import fr.parcours.live.Change;
import fr.parcours.live.DayStreams;
import fr.parcours.live.LiveChanges;
import fr.parcours.web.ClientAddress;
import fr.parcours.web.PageBody;
import fr.parcours.web.Pages;
import fr.parcours.web.Encoded;
import fr.parcours.web.PreparedCache;
import fr.parcours.web.PreparedJson;
import fr.parcours.web.Throttle;
import fr.parcours.stand.StandDesk;
import fr.parcours.stand.StandService;
import fr.parcours.planner.PlanService;
import fr.parcours.planner.PlanSolver;
import fr.parcours.team.TeamService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** The composition root: every feature service, built once over the shared pool. */
public final class Services {

  final Vertx vertx;
  final Pool pool;
  final String databaseUrl;
  /** This instance's view of its database, shared by the error handler, /health and the listener. */
  final DatabaseStatus databaseStatus = new DatabaseStatus();
  final AppConfig config;
  final AuthService auth;
  final BookingService bookings;
  final BookingDesk bookingDesk;
  final RequestService requests;
  final FairService fairs;
  final ResourceService resources;
  final AppMetrics metrics;
  final AssociationService associations;
  final StandService stands;
  final StandDesk standDesk;
  final ChallengeService challenges;
  final ChallengePicks challengePicks;
  final OfferService offers;
  final OfferPlacement offerPlacement;
  final ProgrammeConflicts programmeConflicts;
  final ScheduleService schedules;
  final Calendars calendars;
  final Selections selections;
  final AvailabilityStreams availabilityStreams;
  final PlanSolver planSolver;
  final PlanService plans;
  final ClientAddress clientAddress;
  final Throttle throttle;
  final TeamService team;
  final CopyService copies;
  final ImportService imports;
  final CheckInService checkIns;
  final AllocationService allocations;
  final AllocationShareService allocationShares;
  final DayService day;
  final LateBus lateBus;
  final PresenceService presences;
  final DayStreams dayStreams;
  /** Templates compiled once for every verticle; pages prepared once per change for every visitor. */
  final Pages pages;
  final PreparedCache<PageBody> preparedPages;
  /** Public JSON answers (a fair's programme, its availability) prepared once per change. */
  final PreparedJson preparedApi;
  private final PreparedCache<Encoded> preparedApiCache;

  /** About two hundred programme pages of a big fair, in both languages and many filter combinations. */
  static final long PREPARED_PAGES_MAX_BYTES = 32L * 1024 * 1024;
  /** A fair's programme and availability are tens of kilobytes each (plain and gzip): hundreds of fairs. */
  static final long PREPARED_API_MAX_BYTES = 32L * 1024 * 1024;

  Services(Vertx vertx, Pool pool, String databaseUrl, AppConfig config, AppMetrics metrics) {
    this.vertx = vertx;
    this.pool = pool;
    this.databaseUrl = databaseUrl;
    this.config = config;
    this.metrics = metrics;
    this.auth = new AuthService(vertx, pool);
    this.fairs = new FairService(pool);
    Locks locks = new Locks(config.get(Settings.DB_LOCK_TIMEOUT_MS));
    BookingLinks links = new BookingLinks(config.publicUrl());
    this.challengePicks = new ChallengePicks(pool, locks);
    Placements placements = new Placements(links, challengePicks);
    this.bookings = new BookingService(pool, fairs, links, placements, challengePicks, metrics, locks,
        config.get(Settings.BOOKING_GROUP_MAX));
    this.bookingDesk = new BookingDesk(pool, fairs, links);
    this.requests = new RequestService(pool, fairs, bookings, new RequestLinks(config.publicUrl()));
    this.resources = new ResourceService(pool, new SessionFollowUp(placements), locks);
    this.associations = new AssociationService(pool, config.publicUrl(), config.get(Settings.ASSOCIATIONS_SIGN_IN_MINUTES));
    this.stands = new StandService(pool, fairs, locks);
    this.standDesk = new StandDesk(pool, fairs, locks);
    this.challenges = new ChallengeService(pool, fairs);
    this.offers = new OfferService(pool);
    this.offerPlacement = new OfferPlacement(resources, offers);
    this.programmeConflicts = new ProgrammeConflicts(pool);
    this.schedules = new ScheduleService(pool, stands::ofAssociation);
    CalendarLinks calendarLinks = new CalendarLinks(config.publicUrl());
    this.calendars = new Calendars(vertx, pool, calendarLinks, metrics);
    this.selections = new Selections(pool, fairs, calendarLinks);
    this.planSolver = new PlanSolver();
    this.plans = new PlanService(vertx, pool, resources, planSolver, placements, offerPlacement);
    this.availabilityStreams = new AvailabilityStreams(vertx, slug -> bookings.availability(slug).map(Availability::toJson),
        config.get(Settings.LIVE_MAX_STREAMS), config.get(Settings.LIMITS_STREAMS_PER_CLIENT));
    this.clientAddress = ClientAddress.trusting(config.get(Settings.LIMITS_TRUSTED_PROXIES));
    this.throttle = new Throttle(pool, clientAddress, Throttle.Limits.of(config));
    this.team = new TeamService(pool, fairs, auth, config.publicUrl(), locks);
    this.copies = new CopyService(pool, fairs, config.publicUrl());
    this.imports = new ImportService(fairs, resources);
    this.checkIns = new CheckInService(pool, fairs);
    this.allocations = new AllocationService(vertx, pool, fairs, locks, new AllocatedBookings(placements),
        config.publicUrl());
    this.allocationShares = new AllocationShareService(pool, fairs, bookings);
    this.day = new DayService(pool, fairs, bookings);
    this.lateBus = new LateBus(pool, fairs, links, placements, challengePicks, locks);
    this.presences = new PresenceService(pool, fairs);
    this.dayStreams = new DayStreams(vertx, config.get(Settings.LIVE_MAX_STREAMS));
    this.pages = new Pages(vertx);
    this.preparedPages = new PreparedCache<>(vertx, PREPARED_PAGES_MAX_BYTES);
    this.preparedApiCache = new PreparedCache<>(vertx, PREPARED_API_MAX_BYTES);
    this.preparedApi = new PreparedJson(vertx, preparedApiCache);
    metrics.preparedCache("pages", preparedPages, PreparedCache::hits, PreparedCache::misses);
    metrics.preparedCache("api", preparedApiCache, PreparedCache::hits, PreparedCache::misses);
    forgetOnChange(preparedPages, preparedApiCache);
    // A booking or a stand committed here is read back at once by who made it, before its NOTIFY comes round.
    bookings.onPlacesCommitted(fairId -> forgetHere(fairId, Change.Kind.AVAILABILITY));
    stands.onStandsCommitted(fairId -> forgetHere(fairId, Change.Kind.STANDS));
  }

  private void forgetHere(long fairId, Change.Kind kind) {
    preparedPages.forget(fairId, kind.label());
    preparedApiCache.forget(fairId, kind.label());
  }

  /** Prepared answers are dropped as soon as a live change may alter them, whichever instance made it. */
  private void forgetOnChange(PreparedCache<?>... caches) {
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> {
      Change change = Change.of(message.body());
      for (PreparedCache<?> cache : caches) {
        cache.forget(change.fairId(), change.kind().label());
      }
    });
  }

  public FairService fairs() {
    return fairs;
  }

  public ResourceService resources() {
    return resources;
  }

  public AuthService auth() {
    return auth;
  }

  public BookingService bookings() {
    return bookings;
  }

  public BookingDesk bookingDesk() {
    return bookingDesk;
  }

  /** What features report to {@code /metrics} (feed caches, bookings). */
  public AppMetrics metrics() {
    return metrics;
  }

  public Pool pool() {
    return pool;
  }

  public Vertx vertx() {
    return vertx;
  }
}
