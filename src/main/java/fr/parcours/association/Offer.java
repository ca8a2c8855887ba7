package fr.parcours.association;

import fr.parcours.fair.Fair;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A stored offer: whose (written to at {@code contactEmail} in {@code language}), what it says
 * ({@link OfferDraft}), where review stands, the session it was placed in.
 */
public record Offer(long id, long associationId, String associationSlug, String associationName, String contactEmail,
             String language, long trackId, OfferDraft draft, OfferStatus status, String reviewMessage, Long sessionId) {

  static JsonArray toJson(List<Offer> offers, Fair fair) {
    return new JsonArray(offers.stream().map(offer -> (Object) offer.toJson(fair)).toList());
  }

  JsonObject toJson(Fair fair) {
    return new JsonObject().put("id", id)
        .put("association", new JsonObject().put("slug", associationSlug).put("name", associationName)
            .put("contact_email", contactEmail))
        .mergeIn(draft.toJson(fair))
        .put("status", status.json())
        .put("review_message", reviewMessage)
        .put("session", sessionId);
  }

  /** The same offer as if not placed yet: what placing it once more starts from (a new session). */
  Offer unplaced() {
    return new Offer(id, associationId, associationSlug, associationName, contactEmail, language, trackId, draft, status,
        reviewMessage, null);
  }

  /** The offer as an edit starts from: its fields, which the body's replace. */
  JsonObject editable(Fair fair) {
    JsonObject json = draft.toJson(fair);
    if (draft.description().isEmpty()) {
      json.remove("description");
    }
    return json;
  }
}
