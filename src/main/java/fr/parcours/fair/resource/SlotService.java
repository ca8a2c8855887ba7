package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.SlotGrid;
import fr.parcours.i18n.Field;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adds to a fair's slot grid: one slot, or a whole day's grid laid out by a generator. */
public final class SlotService {

  private final ResourceService resources;

  public SlotService(ResourceService resources) {
    this.resources = resources;
  }

  /**
   * A body with {@code day} is a generator ({day, from, to, duration_minutes, changeover_minutes?})
   * and answers the list of slots created; otherwise it is one slot {starts_at, ends_at}.
   */
  public Future<Object> create(Fair fair, JsonInput body) {
    if (body.has("day")) {
      return Future.succeededFuture(body).map(in -> grid(fair, in))
          .compose(rows -> resources.createAll(fair, ResourceCatalog.SLOTS, rows))
          .map(list -> list);
    }
    return resources.create(fair, ResourceCatalog.SLOTS, body).map(slot -> slot);
  }

  private static List<ResourceRow> grid(Fair fair, JsonInput in) {
    LocalDate date = in.requiredDate("day");
    LocalTime from = in.requiredTime("from");
    LocalTime to = in.requiredTime("to");
    Integer duration = in.requiredInt("duration_minutes", 1);
    int changeover = Objects.requireNonNullElse(in.optionalInt("changeover_minutes", 0), fair.changeoverMinutes());
    in.validate();
    FairDay day = fair.days().stream().filter(d -> d.day().equals(date)).findFirst()
        .orElseThrow(() -> AppException.unprocessable("NOT_A_FAIR_DAY", "day", Map.of()));
    List<ResourceRow> slots = SlotGrid.generate(day, from, to, duration, changeover, fair.zone()).stream()
        .map(slot -> new ResourceRow(Map.of("starts_at", slot.start(), "ends_at", slot.end())))
        .toList();
    if (slots.isEmpty()) {
      throw AppException.unprocessable("EMPTY_GRID", "to", Map.of("other", Field.of("from")));
    }
    return slots;
  }
}
