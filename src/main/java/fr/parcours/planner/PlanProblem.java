package fr.parcours.planner;

import fr.parcours.association.OfferPlacement;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;
import fr.parcours.planner.PlanRepository.OfferRow;
import fr.parcours.planner.PlanRepository.SessionRow;
import fr.parcours.planner.PlanRepository.Snapshot;
import fr.parcours.planner.PlanRepository.TrackRow;
import fr.parcours.stand.StandPeriod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The day to solve, built from what the fair holds: each track's activities (from its sessions,
 * cancelled ones included, and from accepted offers not placed yet), every room at every slot
 * start, and as many possible sessions per activity as there are slots. Sessions of tracks the
 * demand leaves out, and booked ones unless allowed to move, are pinned where they are; rooms
 * held by sessions of no track are left out at those times. {@code today} is the programme as
 * it is, for the capacity before.
 */
record PlanProblem(DayPlan plan, List<PlannedSession> today, List<TrackNeed> needs) {

  static PlanProblem build(Fair fair, Snapshot snapshot, PlanRequest request) {
    Map<String, TrackNeed> needs = needs(fair, snapshot, request);
    Map<String, PlanActivity> activities = activities(snapshot, needs);
    Map<String, PlanRoom> rooms = snapshot.rooms().stream()
        .collect(Collectors.toMap(PlanRoom::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<PlannedSession> sessions = new ArrayList<>();
    List<PlannedSession> today = new ArrayList<>();
    Set<Placement> values = new LinkedHashSet<>(placements(snapshot, rooms.values()));
    long[] ids = {0};
    for (PlanActivity activity : activities.values()) {
      boolean planned = request.demand().containsKey(activity.track().slug());
      List<SessionRow> placed = scheduledOf(snapshot, activity.key());
      for (SessionRow row : placed) {
        Placement where = new Placement(rooms.get(row.room()), row.period().start());
        boolean pinned = !planned || (row.booked() > 0 && !request.moveBooked());
        values.add(where);
        sessions.add(new PlannedSession(++ids[0], activity, row.id(), request.keepPlaced() ? where : null, pinned,
            request.keepPlaced() || pinned ? where : null));
        today.add(new PlannedSession(ids[0], activity, row.id(), null, true, where));
      }
      for (int i = placed.size(); planned && i < snapshot.slots().size(); i++) {
        sessions.add(new PlannedSession(++ids[0], activity, null, null, false, null));
      }
    }
    List<Interval> openings = fair.days().stream()
        .map(day -> new Interval(day.opening(fair.zone()), day.closing(fair.zone()))).toList();
    DayPlan plan = new DayPlan(List.copyOf(values), openings, List.copyOf(needs.values()), sessions);
    return new PlanProblem(plan, today, List.copyOf(needs.values()));
  }

  /** Each track's windows on each fair day; a track the demand leaves out has none (nothing to count). */
  private static Map<String, TrackNeed> needs(Fair fair, Snapshot snapshot, PlanRequest request) {
    Map<String, TrackNeed> needs = new LinkedHashMap<>();
    for (TrackRow track : snapshot.tracks()) {
      PlanRequest.TrackDemandInput demand = request.demand().get(track.slug());
      List<TrackNeed.Window> windows = demand == null ? List.of() : windows(fair, snapshot, track, demand);
      needs.put(track.slug(), new TrackNeed(track.slug(), track.name(), track.classSize(), fair.changeoverMinutes(),
          windows, demand != null && demand.talksFirst()));
    }
    return needs;
  }

  private static List<TrackNeed.Window> windows(Fair fair, Snapshot snapshot, TrackRow track,
                                                PlanRequest.TrackDemandInput demand) {
    List<TrackNeed.Window> windows = new ArrayList<>();
    for (FairDay day : fair.days()) {
      for (Window window : asked(day, fair, demand)) {
        int target = demand.classes() == null
            ? roomsAllow(snapshot, track, window.period())
            : (int) Math.round(demand.classes() * window.share() / fair.days().size());
        String label = FairTimes.clock(window.period().start(), fair.zone()) + "–"
            + FairTimes.clock(window.period().end(), fair.zone()) + (fair.days().size() > 1 ? " " + day.day() : "");
        windows.add(new TrackNeed.Window(label, window.period(), target));
      }
    }
    return windows;
  }

  private record Window(Interval period, double share) {
  }

  /** The windows asked for, or the day's morning and afternoon with half the classes each. */
  private static List<Window> asked(FairDay day, Fair fair, PlanRequest.TrackDemandInput demand) {
    if (demand.windows().isEmpty()) {
      return List.of(new Window(StandPeriod.MORNING.on(day, fair.zone()), 0.5),
          new Window(StandPeriod.AFTERNOON.on(day, fair.zone()), 0.5));
    }
    return demand.windows().stream().map(w -> new Window(new Interval(FairTimes.at(day.day(), w.arrival(), fair.zone()),
        FairTimes.at(day.day(), w.departure(), fair.zone())), w.share())).toList();
  }

  /**
   * "As many as the rooms allow": a bound no programme passes (every room seating a class, at
   * every slot of the window, shared among the track's three or so activities), so the search
   * keeps adding classes while it can.
   */
  private static int roomsAllow(Snapshot snapshot, TrackRow track, Interval window) {
    long slots = snapshot.slots().stream().filter(window::contains).count();
    int seats = snapshot.rooms().stream().mapToInt(room -> room.classes(track.classSize())).sum();
    long activities = snapshot.sessions().stream().filter(s -> track.slug().equals(s.track()))
        .map(SessionRow::activity).distinct().count()
        + snapshot.offers().stream().filter(o -> track.slug().equals(o.track())).count();
    return (int) (seats * slots / Math.max(activities, 1));
  }

  /** Every activity of every track, by key: sessions first (in programme order), then unplaced offers. */
  private static Map<String, PlanActivity> activities(Snapshot snapshot, Map<String, TrackNeed> needs) {
    Map<String, Integer> people = people(snapshot);
    Map<Long, OfferRow> offers = snapshot.offers().stream()
        .collect(Collectors.toMap(OfferRow::id, Function.identity()));
    Map<String, PlanActivity> activities = new LinkedHashMap<>();
    for (SessionRow row : snapshot.sessions()) {
      if (row.track() == null || row.room() == null || activities.containsKey(row.activity())) {
        continue;
      }
      Optional<OfferRow> offer = offerOf(row.activity()).map(offers::get);
      activities.put(row.activity(), new PlanActivity(row.activity(), row.title(), SessionKind.ofJson(row.kind()), row.level(),
          row.description(), needs.get(row.track()), row.association(), association(people, row.association()),
          Duration.between(row.period().start(), row.period().end()),
          offer.map(OfferRow::availability).orElse(List.of()), offer.map(OfferRow::screen).orElse(false),
          offer.map(OfferRow::power).orElse(false)));
    }
    for (OfferRow offer : snapshot.offers()) {
      String activity = OfferPlacement.activity(offer.id());
      activities.putIfAbsent(activity, new PlanActivity(activity, offer.title(), SessionKind.ofJson(offer.kind()),
          offer.level(), offer.description(), needs.get(offer.track()), offer.association(),
          association(people, offer.association()), Duration.ofMinutes(offer.durationMinutes()), offer.availability(),
          offer.screen(), offer.power()));
    }
    return activities;
  }

  /** The offer an activity key names, if it is one's. */
  static Optional<Long> offerOf(String activity) {
    if (!activity.startsWith(OfferPlacement.ACTIVITY_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(activity.substring(OfferPlacement.ACTIVITY_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static int association(Map<String, Integer> people, String association) {
    return association == null ? Integer.MAX_VALUE : people.getOrDefault(association, 1);
  }

  /**
   * The people each association gives: what its offers say, or at least as many sessions as the
   * current programme already has it run at once.
   */
  private static Map<String, Integer> people(Snapshot snapshot) {
    Map<String, Integer> people = new LinkedHashMap<>();
    snapshot.offers().forEach(o -> people.merge(o.association(), o.people(), Math::max));
    Map<String, List<Interval>> busy = snapshot.sessions().stream()
        .filter(s -> s.scheduled() && s.association() != null)
        .collect(Collectors.groupingBy(SessionRow::association,
            Collectors.mapping(SessionRow::period, Collectors.toList())));
    busy.forEach((association, periods) -> people.merge(association, peak(periods), Math::max));
    return people;
  }

  private static int peak(List<Interval> periods) {
    return periods.stream().mapToInt(p -> (int) periods.stream()
        .filter(o -> !o.start().isAfter(p.start()) && o.end().isAfter(p.start())).count()).max().orElse(1);
  }

  private static List<SessionRow> scheduledOf(Snapshot snapshot, String activity) {
    return snapshot.sessions().stream()
        .filter(s -> s.scheduled() && s.room() != null && s.activity().equals(activity)).toList();
  }

  /** Every room at every slot start, but rooms held then by a session of no track. */
  private static List<Placement> placements(Snapshot snapshot, Iterable<PlanRoom> rooms) {
    List<SessionRow> blockers = snapshot.sessions().stream()
        .filter(s -> s.scheduled() && s.room() != null && s.track() == null).toList();
    List<Placement> placements = new ArrayList<>();
    for (PlanRoom room : rooms) {
      for (Interval slot : snapshot.slots()) {
        boolean held = blockers.stream().anyMatch(b -> Objects.equals(b.room(), room.slug()) && b.period().overlaps(slot));
        if (!held) {
          placements.add(new Placement(room, slot.start()));
        }
      }
    }
    return placements;
  }
}
