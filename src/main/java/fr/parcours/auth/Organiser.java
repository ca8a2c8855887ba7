package fr.parcours.auth;

import io.vertx.core.json.JsonObject;

/** A person who sets fairs up; a fair's team (fair/FairRole) says what each may do on it. */
public record Organiser(long id, String email, String name) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("email", email).put("name", name);
  }
}
