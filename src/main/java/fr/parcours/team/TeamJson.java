package fr.parcours.team;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A fair's team as the API shows it. */
final class TeamJson {

  private TeamJson() {
  }

  static JsonObject team(List<TeamRepository.Entry> members, List<TeamRepository.Entry> invitations) {
    return new JsonObject()
        .put("members", new JsonArray(members.stream().map(m -> (Object) member(m)).toList()))
        .put("invitations", new JsonArray(invitations.stream().map(i -> (Object) invitation(i)).toList()));
  }

  static JsonObject member(TeamRepository.Entry member) {
    return new JsonObject().put("email", member.email()).put("name", member.name()).put("role", member.role().json())
        .put("status", "member");
  }

  static JsonObject invitation(TeamRepository.Entry invitation) {
    return new JsonObject().put("email", invitation.email()).put("role", invitation.role().json())
        .put("status", "invited").put("expires_at", invitation.expiresAt().toString());
  }
}
