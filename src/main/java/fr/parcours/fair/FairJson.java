package fr.parcours.fair;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A fair as the API shows it: snake_case fields, times in the fair's zone with their offset. */
public final class FairJson {

  private FairJson() {
  }

  public static JsonArray list(List<Fair> fairs, Instant now) {
    return new JsonArray(fairs.stream().map(fair -> summary(fair, now)).toList());
  }

  public static JsonObject summary(Fair fair, Instant now) {
    FairDetails details = fair.details();
    return new JsonObject()
        .put("slug", details.slug())
        .put("name", details.name())
        .put("city", details.city())
        .put("description", details.description())
        .put("time_zone", details.zone().getId())
        .put("status", details.status())
        .put("days", new JsonArray(details.days().stream().map(FairJson::day).toList()))
        .put("registration_opens_at", time(fair, fair.registrationOpensAt()))
        .put("registration_closes_at", time(fair, fair.registrationClosesAt()))
        .put("registration_open", fair.registrationOpen(now))
        .put("changeover_minutes", details.changeoverMinutes())
        .put("language", details.language())
        .put("registration", registration(fair));
  }

  private static JsonObject registration(Fair fair) {
    RegistrationSettings settings = fair.registration();
    return new JsonObject()
        .put("mode", settings.mode())
        .put("requests_open", time(fair, settings.requestsOpen()))
        .put("requests_close", time(fair, settings.requestsClose()))
        .put("allocation_at", time(fair, settings.allocationAt()))
        .put("offer_hours", settings.offerHours());
  }

  private static JsonObject day(FairDay day) {
    return new JsonObject()
        .put("date", day.day().toString())
        .put("opens_at", day.opensAt().toString())
        .put("closes_at", day.closesAt().toString());
  }

  private static String time(Fair fair, OffsetDateTime instant) {
    return instant == null ? null : FairTimes.format(instant, fair.zone());
  }
}
