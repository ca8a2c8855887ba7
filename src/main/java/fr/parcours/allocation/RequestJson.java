package fr.parcours.allocation;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A class request as the API shows it: what was asked, its status and when the allocation happens. */
final class RequestJson {

  private RequestJson() {
  }

  static JsonObject of(RequestRecord request, Fair fair, RequestLinks links, Instant now) {
    JsonObject json = new JsonObject()
        .put("id", request.id())
        .put("status", request.status())
        .put("token", request.token())
        .put("manage_url", links.manage(request.token()))
        .put("fair", fair.slug())
        .put("allocation_at", time(fair, fair.registration().allocationAt()))
        .put("requests_close", time(fair, fair.registration().requestsClose()))
        // What the teacher may still do: change or withdraw it, only while it asks and the window is open.
        .put("changeable", request.is(RequestRecord.REQUESTED) && fair.requestsOpen(now))
        .mergeIn(request.input().toJson());
    if (request.is(RequestRecord.UNPLACED)) {
      json.put("reason", request.unplacedReason())
          .put("reason_message", RequestService.reasonText(request.unplacedReason(), request.language()));
    }
    return json;
  }

  private static String time(Fair fair, OffsetDateTime instant) {
    return instant == null ? null : FairTimes.format(instant, fair.zone());
  }
}
