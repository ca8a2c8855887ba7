package fr.parcours.association;

import fr.parcours.error.AppException;
import fr.parcours.i18n.Term;

import java.util.Locale;
import java.util.Map;

/**
 * Where an offer stands. The association edits (which resubmits it) or withdraws it while it
 * is open; the organiser accepts it, declines it or asks for changes while it is open too.
 * Accepted, declined and withdrawn are final.
 */
public enum OfferStatus {
  SUBMITTED, CHANGES_REQUESTED, ACCEPTED, DECLINED, WITHDRAWN;

  /** What the organiser decides; declining or asking for changes must say why. */
  enum Decision {
    ACCEPT(ACCEPTED, false), DECLINE(DECLINED, true), REQUEST_CHANGES(CHANGES_REQUESTED, true);

    final OfferStatus result;
    final boolean needsMessage;

    Decision(OfferStatus result, boolean needsMessage) {
      this.result = result;
      this.needsMessage = needsMessage;
    }

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean open() {
    return this == SUBMITTED || this == CHANGES_REQUESTED;
  }

  /** An edit goes back to the organiser: asked-for changes are resubmitted by making them. */
  OfferStatus afterEdit() {
    requireOpen("edited");
    return SUBMITTED;
  }

  OfferStatus afterWithdrawal() {
    requireOpen("withdrawn");
    return WITHDRAWN;
  }

  OfferStatus after(Decision decision) {
    requireOpen("reviewed");
    return decision.result;
  }

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OfferStatus ofJson(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  private void requireOpen(String what) {
    if (!open()) {
      throw AppException.conflict("OFFER_DECIDED", "status",
          Map.of("status", Term.of("association_status_" + json()), "action", Term.of("offer_action_" + what)));
    }
  }
}
