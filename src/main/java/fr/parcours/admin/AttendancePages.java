package fr.parcours.admin;

import fr.parcours.checkin.Attendance;
import fr.parcours.checkin.Attendance.Figures;
import fr.parcours.checkin.Attendance.Group;
import fr.parcours.checkin.CheckInService;
import fr.parcours.i18n.Dates;
import fr.parcours.web.Csv;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The report funders ask for after the fair (and the live count during it): pupils and adults
 * who came, by school, city, level and track, the no-show rate, stands and défis; charts drawn
 * on the server as SVG, the same figures as CSV. The fair's whole team reads it.
 */
final class AttendancePages {

  private static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/attendance";
  private static final int BAR_WIDTH = 320;
  private static final int LABEL_WIDTH = 190;
  private static final int ROW_HEIGHT = 30;

  private final AdminSession session;
  private final CheckInService checkIns;
  private final Pages pages;

  AttendancePages(AdminSession session, CheckInService checkIns, Pages pages) {
    this.session = session;
    this.checkIns = checkIns;
    this.pages = pages;
  }

  void mount(Router router) {
    // The service checks the fair's role and hands the fair back with the report.
    router.get(PATH).handler(ctx -> session.signedIn(ctx, organiser -> checkIns
        .attendance(ctx.pathParam("fairSlug"), organiser).map(report -> {
          pages.render(ctx, 200, "admin-attendance", model(ctx, report).put("fair", Dashboard.fairSummary(report.fair())));
          return null;
        })));
    router.get(PATH + ".csv").handler(ctx -> session.signedIn(ctx, organiser -> {
      Http.attachment(ctx, "attendance.csv", Csv.CONTENT_TYPE,
          checkIns.attendanceCsv(ctx.pathParam("fairSlug"), organiser, I18n.language(ctx)));
      return Future.succeededFuture();
    }));
  }

  private static JsonObject model(RoutingContext ctx, Attendance report) {
    String language = I18n.language(ctx);
    return new JsonObject()
        .put("title", I18n.message(language, "attendance_title"))
        .put("total", figures(report.total()))
        .put("no_show_percent", Math.round(report.total().noShowRate() * 100))
        .put("by_track", chart(report.byTrack()))
        .put("by_level", chart(report.byLevel()))
        .put("by_school", rows(report.bySchool()))
        .put("by_city", rows(report.byCity()))
        .put("stands", report.standsConfirmed())
        .put("challenges", report.challengePicks())
        .put("challenges_present", report.challengePicksPresent())
        .put("by_session", new JsonArray(report.bySession().stream().map(s -> (Object) new JsonObject()
            .put("id", s.sessionId()).put("title", s.title()).put("place", s.place())
            .put("time", Dates.dateTime(language, s.startsAt().toLocalDateTime()))
            .put("classes", s.classes()).put("people", s.people())
            .put("classes_marked", s.classesMarked()).put("people_marked", s.peopleMarked())).toList()));
  }

  private static JsonObject figures(Figures f) {
    return new JsonObject().put("classes_booked", f.classesBooked()).put("classes_present", f.classesPresent())
        .put("pupils_booked", f.pupilsBooked()).put("pupils_present", f.pupilsPresent())
        .put("adults_booked", f.adultsBooked()).put("adults_present", f.adultsPresent())
        .put("schools_booked", f.schoolsBooked()).put("schools_present", f.schoolsPresent());
  }

  private static JsonArray rows(List<Group> groups) {
    return new JsonArray(groups.stream().map(g -> (Object) figures(g.figures()).put("name", g.name())).toList());
  }

  /**
   * Pupils booked (a light bar) and present (a dark bar over it) per group, on one scale, so a
   * track whose classes did not all come reads at a glance.
   */
  private static JsonObject chart(List<Group> groups) {
    int most = Math.max(1, groups.stream().mapToInt(g -> g.figures().pupilsBooked()).max().orElse(1));
    JsonArray bars = new JsonArray();
    for (int i = 0; i < groups.size(); i++) {
      Figures f = groups.get(i).figures();
      bars.add(new JsonObject().put("name", groups.get(i).name()).put("y", i * ROW_HEIGHT).put("text_y", i * ROW_HEIGHT + 11)
          .put("x", LABEL_WIDTH).put("booked_w", BAR_WIDTH * f.pupilsBooked() / most)
          .put("present_w", BAR_WIDTH * f.pupilsPresent() / most)
          .put("value_x", LABEL_WIDTH + BAR_WIDTH + 8)
          .put("pupils_booked", f.pupilsBooked()).put("pupils_present", f.pupilsPresent()));
    }
    return new JsonObject().put("bars", bars).put("width", LABEL_WIDTH + BAR_WIDTH + 90)
        .put("height", Math.max(ROW_HEIGHT, groups.size() * ROW_HEIGHT)).put("empty", groups.isEmpty());
  }
}
