package fr.parcours.allocation;

import fr.parcours.booking.BookingRequest;
import fr.parcours.fair.Fair;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The emails a teacher receives about a class request, in the request's language only. Each
 * says when the allocation happens: nothing is decided before. Texts: {@code mail_request_…}.
 */
final class RequestMessages {

  /** Why we write: names the message in logs and its subject and opening in the catalogue. */
  enum Notice {
    FILED("request_filed"),
    CHANGED("request_changed"),
    WITHDRAWN("request_withdrawn");

    final String kind;

    Notice(String kind) {
      this.kind = kind;
    }
  }

  private RequestMessages() {
  }

  static Message of(Notice notice, RequestRecord request, Fair fair, RequestLinks links) {
    BookingRequest r = request.input().booking();
    Letter letter = Letter.in(request.language())
        .line("mail_hello_name", Map.of("name", r.teacher().name())).blank()
        .line("mail_" + notice.kind + "_opening").blank()
        .line("mail_request_fair", Map.of("fair", fair.details().name(), "day", r.day()))
        .line("mail_booking_class", Map.of("school", r.school().name(), "class", r.group().name(),
            "pupils", r.pupils(), "adults", r.adults()));
    if (notice != Notice.WITHDRAWN) {
      letter.line("mail_request_choices", Map.of("choices", String.join(" > ", request.choiceNames())))
          .line(request.input().anyOther() ? "mail_request_any_other" : "mail_request_only_these").blank()
          .line("mail_request_allocation_on", Map.of("when", local(fair, fair.registration().allocationAt())))
          .line("mail_request_equal").blank()
          .line("mail_request_manage", Map.of("link", links.manage(request.token()),
              "until", local(fair, fair.registration().requestsClose())));
    }
    return letter.to(r.teacher().email(), notice.kind, "mail_" + notice.kind + "_subject",
        Map.of("class", r.group().name(), "fair", fair.details().name()));
  }

  private static LocalDateTime local(Fair fair, OffsetDateTime instant) {
    return instant.atZoneSameInstant(fair.zone()).toLocalDateTime();
  }
}
