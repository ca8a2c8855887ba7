package fr.parcours.association;

import fr.parcours.association.OfferStatus.Decision;
import fr.parcours.error.AppException;
import org.junit.jupiter.api.Test;

import static fr.parcours.association.OfferStatus.ACCEPTED;
import static fr.parcours.association.OfferStatus.CHANGES_REQUESTED;
import static fr.parcours.association.OfferStatus.DECLINED;
import static fr.parcours.association.OfferStatus.SUBMITTED;
import static fr.parcours.association.OfferStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OfferStatusTest {

  @Test
  void openOffersAreDecidedEditedOrWithdrawn() {
    assertEquals(ACCEPTED, SUBMITTED.after(Decision.ACCEPT));
    assertEquals(DECLINED, SUBMITTED.after(Decision.DECLINE));
    assertEquals(CHANGES_REQUESTED, SUBMITTED.after(Decision.REQUEST_CHANGES));
    assertEquals(SUBMITTED, SUBMITTED.afterEdit());
    assertEquals(WITHDRAWN, SUBMITTED.afterWithdrawal());
  }

  @Test
  void editingAfterAChangeRequestResubmits() {
    assertEquals(SUBMITTED, CHANGES_REQUESTED.afterEdit());
    assertEquals(WITHDRAWN, CHANGES_REQUESTED.afterWithdrawal());
    assertEquals(DECLINED, CHANGES_REQUESTED.after(Decision.DECLINE));
  }

  @Test
  void decidedOffersNoLongerMove() {
    for (OfferStatus decided : new OfferStatus[] {ACCEPTED, DECLINED, WITHDRAWN}) {
      AppException edit = assertThrows(AppException.class, decided::afterEdit);
      assertEquals("OFFER_DECIDED", edit.code());
      assertThrows(AppException.class, decided::afterWithdrawal);
      assertThrows(AppException.class, () -> decided.after(Decision.ACCEPT));
    }
  }

  @Test
  void decliningOrAskingForChangesNeedsAMessage() {
    assertEquals(false, Decision.ACCEPT.needsMessage);
    assertEquals(true, Decision.DECLINE.needsMessage);
    assertEquals(true, Decision.REQUEST_CHANGES.needsMessage);
  }
}
