package fr.parcours.association;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The association's offer forms: propose one, edit it (which resubmits it after the organiser
 * asked for changes) or withdraw it while it is undecided. The forms post the API's body
 * through {@link OfferService}; a refusal shows each problem next to its field.
 */
public final class OfferPageRoutes {

  private static final String OFFERS = AssociationPageRoutes.HOME + "/offers";
  private static final String OFFER = OFFERS + "/:offerId";
  private static final List<String> KINDS = OfferKind.NAMES;
  private static final List<String> AUDIENCES = OfferDraft.AUDIENCES;

  private final OfferService offers;
  private final FairService fairs;
  private final ResourceService resources;
  private final AssociationAuth auth;
  private final Pages pages;

  public OfferPageRoutes(OfferService offers, FairService fairs, ResourceService resources, AssociationAuth auth,
                         Pages pages) {
    this.offers = offers;
    this.fairs = fairs;
    this.resources = resources;
    this.auth = auth;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get(OFFERS + "/new").handler(auth.requireAssociation()).handler(ctx -> fair(ctx).onSuccess(fair ->
        render(ctx, 200, fair, null, new JsonObject().put("kind", "talk").put("duration_minutes",
            OfferDraft.TALK_MINUTES).put("people", 1), List.of(), List.of())).onFailure(ctx::fail));
    router.post(OFFERS).handler(auth.requireAssociation()).handler(ctx -> submit(ctx, null));
    router.get(OFFER).handler(auth.requireAssociation()).handler(this::show);
    router.post(OFFER).handler(auth.requireAssociation()).handler(ctx -> submit(ctx, OfferRoutes.offerId(ctx)));
    router.post(OFFER + "/withdraw").handler(auth.requireAssociation()).handler(ctx -> fair(ctx)
        .compose(fair -> offers.withdraw(fair, AssociationAuth.current(ctx), OfferRoutes.offerId(ctx)))
        .onSuccess(done -> Http.seeOther(ctx, AssociationPageRoutes.HOME + "?done=withdrawn"))
        .onFailure(ctx::fail));
  }

  private void show(RoutingContext ctx) {
    fair(ctx).compose(fair -> offers.show(fair, AssociationAuth.current(ctx), OfferRoutes.offerId(ctx))
            .onSuccess(offer -> render(ctx, 200, fair, offer, OfferForm.stored(offer), OfferForm.storedWindows(offer),
                List.of())))
        .onFailure(ctx::fail);
  }

  /** Proposes ({@code id} null) or edits; a refusal draws the form again with what was typed. */
  private void submit(RoutingContext ctx, Long id) {
    MultiMap form = ctx.request().formAttributes();
    List<OfferForm.Window> windows = OfferForm.windows(form);
    SignedInAssociation who = AssociationAuth.current(ctx);
    fair(ctx).compose(fair -> {
      JsonObject body = OfferForm.body(form, windows, fair.zone());
      return (id == null ? offers.propose(fair, who, body) : offers.edit(fair, who, id, body))
          .onSuccess(done -> Http.seeOther(ctx, AssociationPageRoutes.HOME + "?done=" + (id == null ? "proposed" : "edited")))
          .recover(error -> refused(ctx, error, fair, id, form, windows));
    }).onFailure(ctx::fail);
  }

  private Future<JsonObject> refused(RoutingContext ctx, Throwable error, Fair fair, Long id, MultiMap form,
                                     List<OfferForm.Window> windows) {
    return Refusals.shown(error, (status, errors) -> (id == null ? Future.<JsonObject>succeededFuture()
        : offers.show(fair, AssociationAuth.current(ctx), id))
        .onSuccess(shown -> render(ctx, status, fair, shown, OfferForm.typed(form), windows, errors)));
  }

  private void render(RoutingContext ctx, int status, Fair fair, JsonObject offer, JsonObject typed,
                      List<OfferForm.Window> windows, List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    Locale locale = Locale.forLanguageTag(I18n.language(ctx));
    resources.tracks(fair).onSuccess(tracks -> pages.render(ctx, status, "association-offer",
        new JsonObject()
            .put("association", AssociationAuth.current(ctx).toJson())
            .put("title", offer == null ? messages.getString("association_offer_new")
                : offer.getString("title"))
            .put("offer", offer == null ? null : offer.copy()
                .put("status_label", messages.getString("association_status_" + offer.getString("status")))
                .put("open", OfferStatus.ofJson(offer.getString("status")).open())
                .put("changes_requested", "changes_requested".equals(offer.getString("status"))))
            .put("editable", offer == null || OfferStatus.ofJson(offer.getString("status")).open())
            .put("action", offer == null ? OFFERS : OFFERS + "/" + offer.getLong("id"))
            .put("form", typed)
            .put("kinds", choices(KINDS, typed.getString("kind"), "kind_", messages))
            .put("audiences", choices(AUDIENCES, typed.getString("audience", "both"), "association_audience_", messages))
            .put("themes", themes(tracks, typed.getString("theme")))
            .put("windows", windowRows(OfferForm.rows(windows), OfferForm.rowErrors(errors, I18n.language(ctx)), fair, locale))
            .put("several_days", fair.days().size() > 1)
            .put("errors", Pages.errorList(OfferForm.pageErrors(errors)))))
        .onFailure(ctx::fail);
  }

  private Future<Fair> fair(RoutingContext ctx) {
    return fairs.findBySlug(AssociationAuth.current(ctx).fairSlug());
  }

  private static JsonArray choices(List<String> values, String chosen, String labelPrefix, JsonObject messages) {
    return new JsonArray(values.stream().map(value -> (Object) new JsonObject().put("value", value)
        .put("label", messages.getString(labelPrefix + value, value)).put("selected", value.equals(chosen))).toList());
  }

  private static JsonArray themes(List<FairProgramme.Track> tracks, String chosen) {
    return new JsonArray(tracks.stream().map(track -> (Object) new JsonObject()
        .put("value", track.slug()).put("label", track.name()).put("selected", track.slug().equals(chosen))).toList());
  }

  /** The availability rows: each a day (a choice when the fair has several), a start and an end. */
  private static JsonArray windowRows(List<OfferForm.Window> rows, Map<Integer, String> errors, Fair fair,
                                      Locale locale) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < rows.size(); i++) {
      OfferForm.Window row = rows.get(i);
      String day = row.day().isBlank() ? fair.days().get(0).day().toString() : row.day();
      JsonArray days = new JsonArray();
      for (FairDay fairDay : fair.days()) {
        days.add(new JsonObject().put("date", fairDay.day().toString()).put("label", fairDay.label(locale))
            .put("selected", fairDay.day().toString().equals(day)));
      }
      list.add(new JsonObject().put("number", i + 1).put("day", day).put("days", days).put("start", row.start())
          .put("end", row.end()).put("error", errors.get(i)));
    }
    return list;
  }
}
