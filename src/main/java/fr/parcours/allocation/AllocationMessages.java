package fr.parcours.allocation;

import fr.parcours.allocation.AllocationRepository.RequestRow;
import fr.parcours.fair.Fair;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.Locale;
import java.util.Map;

/**
 * What a teacher whose request the allocation left out is told, in the request's language:
 * why, and where places left are booked first come. (Placed and waiting classes get their
 * booking's own messages.) Texts: {@code mail_allocation_…}.
 */
final class AllocationMessages {

  static final String KIND = "allocation_unplaced";

  private AllocationMessages() {
  }

  static Message unplaced(RequestRow row, Fair fair, Allocation.Reason reason, String publicUrl) {
    Letter letter = Letter.in(row.language())
        .line("mail_hello_name", Map.of("name", row.teacherName())).blank()
        .line("mail_allocation_unplaced_opening", Map.of("fair", fair.details().name(), "school", row.schoolName(),
            "class", row.className())).blank()
        .line("mail_allocation_reason_" + reason.name().toLowerCase(Locale.ROOT)).blank()
        .line("mail_allocation_first_come", Map.of("link", publicUrl + "/fairs/" + fair.slug() + "/book"))
        .line("mail_allocation_draw", Map.of("link", publicUrl + "/fairs/" + fair.slug() + "/draw"));
    return letter.to(row.teacherEmail(), KIND, "mail_allocation_unplaced_subject",
        Map.of("class", row.className(), "fair", fair.details().name()));
  }
}
