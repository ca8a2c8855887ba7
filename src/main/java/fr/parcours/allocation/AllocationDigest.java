package fr.parcours.allocation;

import fr.parcours.booking.AllocatedBookings.OfferedTrack;
import fr.parcours.booking.SessionSlot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The SHA-256 of everything an allocation is computed from, written out in one fixed order: each
 * track's sessions (times as instants, capacity, places taken), the booking rules, the
 * changeover, the requests still asking (by id) and the shares. Two equal digests mean the
 * allocator, a pure function of these and the seed, computes the same allocation; any change a
 * preview did not see (a request changed or withdrawn, a capacity, a booking) changes it.
 */
final class AllocationDigest {

  private AllocationDigest() {
  }

  static String of(AllocationService.Inputs inputs, int changeoverMinutes) {
    StringBuilder text = new StringBuilder();
    for (OfferedTrack track : inputs.offer().tracks()) {
      text.append("track ").append(track.id()).append('\n');
      track.timetable().sessions().stream().sorted(Comparator.comparingLong(SessionSlot::id))
          .forEach(s -> text.append(s.id()).append(' ').append(s.activity()).append(' ')
              .append(s.startsAt().toInstant()).append(' ').append(s.endsAt().toInstant()).append(' ')
              .append(s.capacity()).append(' ').append(s.booked()).append('\n'));
    }
    text.append(inputs.offer().rules()).append('\n').append(changeoverMinutes).append('\n');
    inputs.requests().stream().sorted(Comparator.comparingLong(ClassRequest::id))
        .forEach(r -> text.append(r.id()).append(' ').append(r.school()).append(' ').append(r.pupils()).append(' ')
            .append(r.adults()).append(' ').append(r.choices()).append(' ').append(r.anyOther()).append(' ')
            .append(r.level()).append(' ').append(r.priorityEducation()).append(' ').append(r.firstTime()).append(' ')
            .append(r.windows().stream().map(w -> w.start().toInstant() + "/" + w.end().toInstant()).toList())
            .append('\n'));
    inputs.shares().forEach(share -> text.append(share).append('\n'));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
