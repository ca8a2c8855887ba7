package fr.parcours.planner;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the organiser asks the solver for: per track the classes expected (null: as many as the
 * rooms allow) and the bus windows they come in; how long to search; whether to keep today's
 * programme as close as possible ({@code keep_placed}) and whether sessions with confirmed
 * bookings may move ({@code move_booked}). Tracks the demand leaves out keep their sessions.
 */
public record PlanRequest(Map<String, TrackDemandInput> demand, int seconds, boolean keepPlaced, boolean moveBooked) {

  public static final int MIN_SECONDS = 1;
  public static final int MAX_SECONDS = 600;
  public static final int DEFAULT_SECONDS = 30;

  /** One track's demand; no windows means its morning and its afternoon, half the classes each. */
  public record TrackDemandInput(Integer classes, List<WindowInput> windows, boolean talksFirst) {
  }

  /** A bus window, as wall-clock times on each fair day. */
  public record WindowInput(LocalTime arrival, LocalTime departure, double share) {
  }

  public static PlanRequest read(JsonObject body, Fair fair, Set<String> tracks) {
    JsonInput in = JsonInput.of(body);
    JsonObject raw = body.getValue("demand") instanceof JsonObject object ? object : new JsonObject();
    JsonInput demandIn = in.requiredObject("demand");
    Map<String, TrackDemandInput> demand = new LinkedHashMap<>();
    for (String track : raw.fieldNames()) {
      if (!tracks.contains(track)) {
        in.error("demand." + track, "names no track of this fair");
        continue;
      }
      demand.put(track, track(demandIn.requiredObject(track), fair, "demand." + track));
    }
    in.check(!raw.isEmpty() || !in.valid(), "demand", "names no track to plan");
    Integer seconds = in.optionalInt("seconds", MIN_SECONDS, MAX_SECONDS);
    Boolean keep = in.optionalBoolean("keep_placed");
    Boolean moveBooked = in.optionalBoolean("move_booked");
    in.validate();
    return new PlanRequest(demand, seconds == null ? DEFAULT_SECONDS : seconds, keep == null || keep,
        moveBooked != null && moveBooked);
  }

  private static TrackDemandInput track(JsonInput in, Fair fair, String path) {
    Integer classes = in.optionalInt("classes", 0);
    List<WindowInput> windows = new ArrayList<>();
    List<JsonInput> items = in.objectList("windows", false);
    double shares = 0;
    for (int i = 0; i < items.size(); i++) {
      WindowInput window = window(items.get(i), fair);
      if (window != null) {
        windows.add(window);
        shares += window.share();
      }
    }
    in.check(shares <= 1.0001, "windows", "shares add up to more than 1");
    Boolean talksFirst = in.optionalBoolean("talks_first");
    return new TrackDemandInput(classes, windows, talksFirst != null && talksFirst);
  }

  private static WindowInput window(JsonInput in, Fair fair) {
    LocalTime arrival = in.requiredTime("arrival");
    LocalTime departure = in.requiredTime("departure");
    Double share = in.requiredDecimal("share", 0);
    in.check(share == null || share <= 1, "share", "must be between 0 and 1");
    if (arrival == null || departure == null || share == null) {
      return null;
    }
    in.check(departure.isAfter(arrival), "departure", "must be after arrival");
    for (FairDay day : fair.days()) {
      in.check(!arrival.isBefore(day.opensAt()), "arrival", "is before the fair opens (" + day.opensAt() + ")");
      in.check(!departure.isAfter(day.closesAt()), "departure", "is after the fair closes (" + day.closesAt() + ")");
    }
    return new WindowInput(arrival, departure, share);
  }
}
