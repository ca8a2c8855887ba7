package fr.parcours.association;

import fr.parcours.mail.Addresses;
import fr.parcours.web.JsonInput;

import java.util.Map;

/** What an association gives when it registers for a fair; {@code theme} is a track's slug. */
record Registration(String name, String theme, String contactName, String contactEmail, String website,
                    String description) {

  static final int MAX_DESCRIPTION = 2000;

  static Registration read(JsonInput in) {
    String name = in.requiredText("name");
    String theme = in.requiredSlug("theme");
    JsonInput contact = in.requiredObject("contact");
    String contactName = contact.requiredText("name");
    String email = contact.requiredText("email");
    contact.check(email == null || Addresses.valid(email), "email", "NOT_EMAIL", Map.of());
    String website = in.optionalText("website", "");
    in.check(website.isEmpty() || website.matches("https?://\\S+"), "website", "NOT_WEB_ADDRESS", Map.of());
    String description = in.optionalText("description", "");
    in.check(description.length() <= MAX_DESCRIPTION, "description", "TOO_LONG", Map.of("max", MAX_DESCRIPTION));
    in.validate();
    return new Registration(name, theme, contactName, email, website, description);
  }
}
