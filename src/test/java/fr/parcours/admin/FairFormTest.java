package fr.parcours.admin;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairDetails;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fair's form: what it posts becomes the API's body; a fair of many days keeps every one of them. */
class FairFormTest {

  @Test
  void blankDayRowsAreLeftOutAndTheWindowIsReadOnTheFairsClock() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("name", "Salon").add("time_zone", "Europe/Paris")
        .add("registration_opens_at", "2027-01-05T09:00").add("registration_closes_at", "2027-07-01T18:00")
        .add("changeover_minutes", "15");
    day(form, 0, "2027-03-18", "08:30", "17:00");
    day(form, 1, "", "", "");
    day(form, 2, "2027-03-19", "09:00", "12:00");
    JsonObject body = FairForm.body(form);
    assertEquals(2, body.getJsonArray("days").size());
    assertEquals("2027-03-19", body.getJsonArray("days").getJsonObject(1).getString("date"));
    assertEquals("2027-01-05T09:00+01:00", body.getString("registration_opens_at"));
    assertEquals("2027-07-01T18:00+02:00", body.getString("registration_closes_at"), "summer time");
    assertEquals(15, body.getInteger("changeover_minutes"));
  }

  @Test
  void aFairOfFourDaysShowsFourRowsAndABlankOne() {
    List<FairDay> days = IntStream.range(0, 4).mapToObj(i -> new FairDay(LocalDate.of(2027, 3, 15 + i),
        LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
    Fair fair = new Fair(1, 1, new FairDetails("salon", "Salon", "Bordeaux", "", ZoneId.of("Europe/Paris"),
        FairDetails.DRAFT, null, null, 10, days, "fr"));
    var rows = FairForm.dayRows(FairForm.of(fair), List.of(), "fr");
    assertEquals(5, rows.size());
    assertEquals("2027-03-18", rows.getJsonObject(3).getString("date"));
    assertEquals("", rows.getJsonObject(4).getString("date"));
  }

  private static void day(MultiMap form, int index, String date, String opens, String closes) {
    form.add("day" + index + ".date", date).add("day" + index + ".opens_at", opens)
        .add("day" + index + ".closes_at", closes);
  }
}
