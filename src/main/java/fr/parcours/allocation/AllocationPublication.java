package fr.parcours.allocation;

import fr.parcours.allocation.AllocationRepository.AllocationRow;
import fr.parcours.allocation.AllocationRepository.RequestRow;
import fr.parcours.allocation.AllocationRepository.Outcome;
import fr.parcours.allocation.AllocationService.Inputs;
import fr.parcours.booking.AllocatedBookings;
import fr.parcours.booking.AllocatedBookings.OfferedTrack;
import fr.parcours.booking.Booking;
import fr.parcours.booking.BookingRequest;
import fr.parcours.booking.Need;
import fr.parcours.booking.Route;
import fr.parcours.booking.RouteFinder;
import fr.parcours.db.Locks;
import fr.parcours.db.Locks.Lock;
import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import fr.parcours.mail.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One publication, in one transaction: the fair's lock (its structure and its publications
 * wait), then its requesting schools' and all its tracks' locks in the order bookings take
 * them, then the requests' rows {@code FOR UPDATE} (a teacher's change waits for the
 * publication, or the publication sees the change). A preview is published only if what the
 * transaction reads is what it was computed from ({@link AllocationDigest}): the allocator is
 * deterministic, so nothing is computed while the locks are held. Then every
 * placed request becomes a confirmed booking on its very route, the requests left out because
 * others took the places wait on their first possible choice in draw order, the others are
 * told why, and the request window ends.
 */
final class AllocationPublication {

  private final AllocationService service;
  private final SqlConnection conn;
  private final Fair fair;
  private final Locks locks;
  private final AllocatedBookings bookings;
  private final AllocationRepository repository;
  private final String publicUrl;

  AllocationPublication(AllocationService service, SqlConnection conn, Fair fair, Locks locks, AllocatedBookings bookings,
                        AllocationRepository repository, String publicUrl) {
    this.service = service;
    this.conn = conn;
    this.fair = fair;
    this.locks = locks;
    this.bookings = bookings;
    this.repository = repository;
    this.publicUrl = publicUrl;
  }

  /**
   * Publishes a stored preview: 409 if the fair has a published allocation, or if what the
   * preview was computed from has changed since (its digest differs).
   */
  Future<Boolean> publishPreview(AllocationRow preview) {
    return lockAndRead().compose(inputs -> repository.published(conn, fair.id()).compose(published -> {
      if (published.isPresent()) {
        throw AppException.conflict("ALLOCATION_ALREADY_PUBLISHED", Map.of("allocation", published.get().id()));
      }
      AllocationService.requireAllocationMode(fair);
      if (!AllocationDigest.of(inputs, fair.changeoverMinutes()).equals(preview.inputsDigest())) {
        throw AppException.conflict("ALLOCATION_STALE", Map.of("allocation", preview.id()));
      }
      return repository.outcomes(conn, preview.id()).compose(outcomes -> publish(preview.id(), inputs, outcomes));
    }));
  }

  private Future<Inputs> lockAndRead() {
    return locks.take(conn, Lock.fair(fair.id()))
        .compose(locked -> repository.lockTargets(conn, fair.id()))
        .compose(targets -> locks.take(conn, Stream.concat(
            targets.schools().stream().map(uai -> Lock.school(fair.id(), uai)),
            targets.tracks().stream().map(Lock::track)).toList()))
        .compose(locked -> service.read(conn, fair, true));
  }

  private Future<Boolean> publish(long id, Inputs inputs, List<Outcome> outcomes) {
    return repository.markPublished(conn, fair.id(), id).compose(marked -> {
      if (!marked) {
        throw AppException.conflict("ALLOCATION_ALREADY_PUBLISHED", Map.of("allocation", id));
      }
      return write(inputs, outcomes);
    }).compose(written -> repository.closeRequests(conn, fair.id())).map(true);
  }

  /** The outcomes in their order: placed ones booked as placed, then the others in draw order. */
  private Future<Void> write(Inputs inputs, List<Outcome> outcomes) {
    Map<Long, ClassRequest> requests = inputs.requests().stream()
        .collect(Collectors.toMap(ClassRequest::id, Function.identity()));
    Map<Long, OfferedTrack> tracks = AllocationService.tracksById(inputs.offer());
    Future<Void> chain = Future.succeededFuture();
    for (Outcome outcome : outcomes) {
      RequestRow row = inputs.rows().get(outcome.requestId());
      ClassRequest request = requests.get(outcome.requestId());
      if (outcome.trackId() == null) {
        chain = chain.compose(done -> leftOut(inputs, tracks, row, request, Allocation.Reason.valueOf(outcome.reason())));
        continue;
      }
      OfferedTrack track = tracks.get(outcome.trackId());
      Route route = new Route(track.timetable().only(outcome.sessionIds()).sessions());
      Interval window = request.windows().get(outcome.windowRank() - 1);
      chain = chain.compose(done -> bookings.confirm(conn, fair, track.id(), booking(row, track, window), row.language(),
              route)
          .compose(booking -> repository.settle(conn, row.id(), Booking.CONFIRMED, booking.id(), null)));
    }
    return chain;
  }

  /**
   * A request others took the places of waits on its first choice that could ever hold it (in
   * the first window that could), so that freed places reach it in draw order; the others are
   * told why they were left out.
   */
  private Future<Void> leftOut(Inputs inputs, Map<Long, OfferedTrack> tracks, RequestRow row, ClassRequest request,
                               Allocation.Reason reason) {
    Optional<Waiting> waiting = reason == Allocation.Reason.ALLOCATION_FULL
        ? waitingPlace(inputs, request) : Optional.empty();
    if (waiting.isPresent()) {
      return bookings.waitlist(conn, fair, waiting.get().trackId(), booking(row, tracks.get(waiting.get().trackId()),
              waiting.get().window()), row.language())
          .compose(booking -> repository.settle(conn, row.id(), Booking.WAITLISTED, booking.id(), null));
    }
    return repository.settle(conn, row.id(), "unplaced", null, reason.name())
        .compose(settled -> Outbox.enqueue(conn, AllocationMessages.unplaced(row, fair, reason, publicUrl)));
  }

  /** A waiting list to join: a track and a window. */
  private record Waiting(long trackId, Interval window) {
  }

  private Optional<Waiting> waitingPlace(Inputs inputs, ClassRequest request) {
    List<Long> accepted = new ArrayList<>(request.choices());
    if (request.anyOther()) {
      inputs.offer().tracks().stream().map(OfferedTrack::id).filter(id -> !accepted.contains(id)).forEach(accepted::add);
    }
    Map<Long, OfferedTrack> tracks = AllocationService.tracksById(inputs.offer());
    for (long trackId : accepted) {
      OfferedTrack track = tracks.get(trackId);
      if (track == null) {
        continue;
      }
      for (Interval window : request.windows()) {
        Need need = new Need(window.start(), window.end(), request.people(), fair.changeoverMinutes());
        if (RouteFinder.find(track.timetable().empty(), need).isPresent()) {
          return Optional.of(new Waiting(trackId, window));
        }
      }
    }
    return Optional.empty();
  }

  /** The booking a request becomes on {@code track} within {@code window}, as the booking form would fill it. */
  private BookingRequest booking(RequestRow row, OfferedTrack track, Interval window) {
    ZonedDateTime from = window.start().atZoneSameInstant(fair.zone());
    ZonedDateTime to = window.end().atZoneSameInstant(fair.zone());
    return new BookingRequest(new BookingRequest.School(row.schoolName(), row.schoolUai(), row.schoolCity()),
        new BookingRequest.Teacher(row.teacherName(), row.teacherEmail()),
        new BookingRequest.ClassGroup(row.className(), row.classLevel()), row.pupils(), row.adults(), track.slug(),
        from.toLocalDate(), from.toLocalTime(), to.toLocalTime());
  }

}
