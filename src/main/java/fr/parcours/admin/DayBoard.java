package fr.parcours.admin;

import fr.parcours.checkin.Arrival;
import fr.parcours.checkin.NoShows;
import fr.parcours.checkin.Turnout;
import fr.parcours.i18n.Dates;
import fr.parcours.programme.Programme;
import fr.parcours.fair.resource.ShownSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The day on the dashboard, from actual numbers: classes and pupils arrived, then per room and
 * zone the people present and expected in the slot under way and the next ones (see
 * {@link Turnout}), and the no-shows at the organiser's cut-off with what releasing them frees.
 */
final class DayBoard {

  /** The slot under way and the two after it. */
  static final int SLOTS = 3;

  private DayBoard() {
  }

  static JsonObject model(Programme programme, Map<Long, Turnout> turnout, List<Arrival> arrivals,
                          LocalDateTime now, NoShows noShows, String language) {
    List<ShownSession> sessions = programme.sessions().stream().filter(s -> !s.cancelled()).toList();
    List<LocalDateTime> slots = slots(sessions, now);
    List<String> places = Stream.concat(programme.rooms().keySet().stream(), programme.zones().keySet().stream())
        .filter(place -> sessions.stream().anyMatch(s -> place.equals(s.place())
            && slots.contains(s.startsAt().toLocalDateTime())))
        .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    JsonArray rows = new JsonArray();
    for (String place : places) {
      JsonArray cells = new JsonArray();
      for (LocalDateTime slot : slots) {
        Turnout sum = Turnout.sum(sessions.stream().filter(s -> place.equals(s.place())
            && s.startsAt().toLocalDateTime().equals(slot)).map(s -> turnout.getOrDefault(s.id(), Turnout.NONE)).toList());
        cells.add(new JsonObject().put("present", sum.present()).put("expected", sum.expected())
            .put("booked", sum.booked()).put("marked", sum.classesMarked()).put("classes", sum.classes()));
      }
      rows.add(new JsonObject().put("place", place).put("name", programme.placeName(place))
          .put("capacity", programme.placeCapacity(place)).put("cells", cells));
    }
    List<Arrival> came = arrivals.stream().filter(Arrival::checkedIn).toList();
    return new JsonObject()
        .put("classes_arrived", came.size()).put("classes_expected", arrivals.size())
        .put("pupils_present", came.stream().mapToInt(Arrival::pupilsPresent).sum())
        .put("pupils_of_arrived", came.stream().mapToInt(Arrival::pupilsBooked).sum())
        .put("pupils_booked", arrivals.stream().mapToInt(Arrival::pupilsBooked).sum())
        .put("adults_present", came.stream().mapToInt(Arrival::adultsPresent).sum())
        .put("slots", new JsonArray(slots.stream().map(slot -> (Object) new JsonObject()
            .put("label", Dates.time(language, slot.toLocalTime())).put("day", slot.toLocalDate().toString())
            .put("now", !slot.isAfter(now) && slot.toLocalDate().equals(now.toLocalDate()))).toList()))
        .put("rows", rows)
        .put("no_shows", noShows == null ? null : noShows(noShows, language));
  }

  /**
   * The slot under way on the fair's clock and the next ones; before a day's first slot (or on
   * a day without any) the next slots to come; after the fair, its last ones.
   */
  static List<LocalDateTime> slots(List<ShownSession> sessions, LocalDateTime now) {
    List<LocalDateTime> starts = sessions.stream().map(s -> s.startsAt().toLocalDateTime()).distinct().sorted().toList();
    int from = -1;
    for (int i = 0; i < starts.size(); i++) {
      if (!starts.get(i).isAfter(now) && starts.get(i).toLocalDate().equals(now.toLocalDate())) {
        from = i;
      }
    }
    if (from < 0) {
      from = (int) starts.stream().filter(start -> !start.isAfter(now)).count();
      from = Math.min(from, Math.max(0, starts.size() - SLOTS));
    }
    return starts.subList(from, Math.min(starts.size(), from + SLOTS));
  }

  private static JsonObject noShows(NoShows noShows, String language) {
    return new JsonObject().put("day", noShows.day().toString()).put("cutoff", noShows.cutoff().toString())
        .put("count", noShows.classes().size()).put("pupils", noShows.pupils()).put("people", noShows.people())
        .put("classes", new JsonArray(noShows.classes().stream().map(a -> (Object) new JsonObject()
            .put("code", a.code()).put("school", a.school()).put("city", a.city()).put("class", a.className())
            .put("track", a.track()).put("window", Dates.range(language, a.arrival(), a.departure()))
            .put("pupils", a.pupilsBooked()).put("adults", a.adultsBooked())).toList()));
  }
}
