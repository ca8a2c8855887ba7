package fr.parcours.admin;

import fr.parcours.checkin.NoShowQuery;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's day section beyond its first drawing: the stream that tells an open
 * dashboard to read its figures again, and the form that releases the no-shows' places.
 */
final class DayPages {

  private static final String FAIR = AdminSession.PATH + "/fairs/:fairSlug";

  private final AdminSession session;
  private final FairService fairs;
  private final DayServices day;

  DayPages(AdminSession session, FairService fairs, DayServices day) {
    this.session = session;
    this.fairs = fairs;
    this.day = day;
  }

  void mount(Router router) {
    router.get(FAIR + "/day/events").handler(ctx -> session.signedIn(ctx, organiser -> fairs
        .require(ctx.pathParam("fairSlug"), organiser, FairRole.STAFF)
        .map(fair -> {
          day.streams().open(fair.id(), ctx.request());
          return null;
        })));
    router.post(FAIR + "/no-shows/release").handler(ctx -> session.signedIn(ctx, organiser -> {
      MultiMap form = ctx.request().formAttributes();
      return day.day().release(ctx.pathParam("fairSlug"), organiser, () -> NoShowQuery.parse(JsonInput.of(
              new JsonObject().put("day", form.get("day")).put("cutoff", form.get("cutoff"))
                  .put("codes", new JsonArray(form.getAll("codes").stream().map(code -> (Object) code).toList())))))
          .map(release -> {
            Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + release.fair().slug() + "?day=" + release.noShows().day()
                + "&cutoff=" + URLEncoder.encode(release.noShows().cutoff().toString(), StandardCharsets.UTF_8)
                + "&released=" + release.released().size() + "&promoted=" + release.promoted().size() + "#day");
            return null;
          });
    }));
  }
}
