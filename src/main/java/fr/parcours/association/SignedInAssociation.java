package fr.parcours.association;

import io.vertx.core.json.JsonObject;

/**
 * Who a request acts as, for routes behind {@link AssociationAuth#requireAssociation()}: an
 * association signed in with its link, or an organiser of its fair acting on its behalf
 * ({@code byOrganiser}).
 */
public record SignedInAssociation(long id, long fairId, String fairSlug, String slug, String name,
                                  String contactEmail, boolean byOrganiser) {

  SignedInAssociation asOrganiser() {
    return new SignedInAssociation(id, fairId, fairSlug, slug, name, contactEmail, true);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("fair", fairSlug).put("slug", slug).put("name", name)
        .put("contact_email", contactEmail);
  }
}
