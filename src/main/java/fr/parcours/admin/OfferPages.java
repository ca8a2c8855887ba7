package fr.parcours.admin;

import fr.parcours.association.Offer;
import fr.parcours.association.OfferDraft;
import fr.parcours.association.OfferService;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The organiser reviews a fair's offers, grouped by where review stands: accepts, declines or
 * asks for changes, through the offers' own service (which tells the association by message).
 */
final class OfferPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/offers";
  /** The order the groups are shown in: what awaits a decision first. */
  private static final List<String> STATUSES = List.of("submitted", "changes_requested", "accepted", "declined",
      "withdrawn");

  private final AdminSession session;
  private final OfferService offers;
  private final ResourceService resources;
  private final Pages pages;

  OfferPages(AdminSession session, OfferService offers, ResourceService resources, Pages pages) {
    this.session = session;
    this.offers = offers;
    this.resources = resources;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser.toJson(), fair, null, List.of())));
    router.post(PATH + "/:offerId/review").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "offerId", "offer");
      JsonObject body = new JsonObject().put("decision", ctx.request().getFormAttribute("decision"))
          .put("message", blankAsNull(ctx.request().getFormAttribute("message")));
      // The review reads its body before it returns a future: a refusal may be thrown, not failed.
      return Future.succeededFuture().compose(start -> offers.review(fair, JsonInput.of(body), id))
          .<Void>map(done -> {
            Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/offers#offer-" + id);
            return null;
          })
          .recover(error -> Refusals.shown(error, (status, errors) ->
              render(ctx, status, organiser.toJson(), fair, body.put("id", id), errors)));
    }));
  }

  /** The page; {@code refused} is the review just refused (its id and what was typed), null for none. */
  private Future<Void> render(RoutingContext ctx, int status, JsonObject organiser, Fair fair, JsonObject refused,
                              List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    Locale locale = Locale.forLanguageTag(language);
    Future<List<Offer>> all = offers.all(fair, null);
    Future<List<FairProgramme.Track>> tracks = resources.tracks(fair);
    return Future.all(all, tracks).map(read -> {
      Map<String, String> trackNames = tracks.result().stream()
          .collect(Collectors.toMap(FairProgramme.Track::slug, FairProgramme.Track::name));
      JsonArray groups = new JsonArray();
      for (String wanted : STATUSES) {
        List<JsonObject> inGroup = all.result().stream()
            .filter(offer -> wanted.equals(offer.status().json()))
            .map(offer -> shown(offer, fair, messages, locale, refused, errors)
                .put("theme_name", trackNames.get(offer.draft().theme())))
            .toList();
        groups.add(new JsonObject().put("status", wanted).put("label", messages.getString("admin_offers_" + wanted))
            .put("offers", new JsonArray(inGroup)).put("count", inGroup.size()));
      }
      pages.render(ctx, status, "admin-offers", new JsonObject()
          .put("title", messages.getString("admin_offers_title") + " — " + fair.details().name())
          .put("organiser", organiser).put("fair", Dashboard.fairSummary(fair)).put("groups", groups)
          .put("errors", Pages.errorList(errors)));
      return null;
    });
  }

  private static JsonObject shown(Offer offer, Fair fair, JsonObject messages, Locale locale,
                                  JsonObject refused, List<FieldError> errors) {
    OfferDraft draft = offer.draft();
    String kind = draft.kind().json();
    JsonObject shown = new JsonObject().put("id", offer.id()).put("status", offer.status().json())
        .put("association", new JsonObject().put("name", offer.associationName())
            .put("contact_email", offer.contactEmail()))
        .put("title", draft.title()).put("description", draft.description())
        .put("duration_minutes", draft.durationMinutes()).put("people", draft.people())
        .put("needs", new JsonObject().put("power", draft.needs().power()).put("tables", draft.needs().tables())
            .put("screen", draft.needs().screen()))
        .put("review_message", offer.reviewMessage()).put("session", offer.sessionId())
        .put("kind_label", messages.getString("kind_" + kind, kind))
        .put("audience_label", messages.getString("admin_audience_" + draft.audience()))
        .put("open", offer.status().open())
        .put("windows", windows(draft.availability(), fair, locale))
        .put("trades_list", String.join(", ", draft.trades()));
    if (refused != null && refused.getLong("id").equals(offer.id())) {
      shown.put("refused", true).put("typed_message", refused.getString("message"))
          .put("message_error", errors.stream().filter(e -> e.field().equals("message")).map(e -> e.text(locale.getLanguage()))
              .findFirst().orElse(null));
    }
    return shown;
  }

  /** "09:00–12:00" for each window, on the fair's clock. */
  private static JsonArray windows(List<Interval> availability, Fair fair, Locale locale) {
    return new JsonArray(availability.stream().map(w -> (Object) (FairTimes.dayLabel(
        FairTimes.local(w.start(), fair.zone()).toLocalDate(), locale) + ", "
        + FairTimes.clock(w.start(), fair.zone(), locale.getLanguage()) + "–"
        + FairTimes.clock(w.end(), fair.zone(), locale.getLanguage()))).toList());
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
