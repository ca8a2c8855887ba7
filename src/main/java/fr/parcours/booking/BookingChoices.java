package fr.parcours.booking;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What a teacher picks a bus time or a level from: lists, never a blind guess. Bus times run
 * every {@value #STEP_MINUTES} minutes from the fair's earliest opening to its latest closing.
 */
final class BookingChoices {

  static final int STEP_MINUTES = 10;
  private static final LocalTime EARLIEST = LocalTime.of(8, 0);
  private static final LocalTime LATEST = LocalTime.of(18, 0);

  private BookingChoices() {
  }

  /** The times as options, {@code chosen} selected (and kept, should it lie off the steps). */
  static JsonArray busTimes(Fair fair, String chosen) {
    TreeSet<String> times = new TreeSet<>();
    int from = minutes(fair.days().stream().map(FairDay::opensAt).min(Comparator.naturalOrder()).orElse(EARLIEST));
    int to = minutes(fair.days().stream().map(FairDay::closesAt).max(Comparator.naturalOrder()).orElse(LATEST));
    for (int minute = from; minute <= to; minute += STEP_MINUTES) {
      times.add(LocalTime.ofSecondOfDay(minute * 60L).toString());
    }
    if (chosen != null && chosen.matches("\\d\\d:\\d\\d")) {
      times.add(chosen);
    }
    return choices(List.copyOf(times), chosen);
  }

  private static int minutes(LocalTime time) {
    return time.toSecondOfDay() / 60;
  }

  /** Each value as an option labelled by itself, {@code chosen} selected. */
  static JsonArray choices(List<String> values, String chosen) {
    JsonArray options = new JsonArray();
    values.forEach(value -> options.add(new JsonObject().put("value", value).put("label", value)
        .put("selected", value.equals(chosen))));
    return options;
  }
}
