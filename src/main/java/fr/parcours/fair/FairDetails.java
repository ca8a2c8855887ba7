package fr.parcours.fair;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What an organiser sets on a fair; registration times are instants, days are local to {@code zone}. */
public record FairDetails(
    String slug,
    String name,
    String city,
    String description,
    ZoneId zone,
    String status,
    OffsetDateTime registrationOpensAt,
    OffsetDateTime registrationClosesAt,
    int changeoverMinutes,
    List<FairDay> days,
    String language,
    RegistrationSettings registration) {

  public static final String DRAFT = "draft";
  public static final String PUBLISHED = "published";
  public static final List<String> STATUSES = List.of(DRAFT, PUBLISHED);

  /** What a fair speaks when it says nothing else: French, its users' language. */
  public static final String DEFAULT_LANGUAGE = "fr";

  public FairDetails {
    days = List.copyOf(days);
    registration = registration == null ? RegistrationSettings.FIRST_COME_ONLY : registration;
  }

  /** A first-come fair: what every fair was before requests and allocation. */
  public FairDetails(String slug, String name, String city, String description, ZoneId zone, String status,
                     OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, int changeoverMinutes,
                     List<FairDay> days, String language) {
    this(slug, name, city, description, zone, status, registrationOpensAt, registrationClosesAt, changeoverMinutes,
        days, language, RegistrationSettings.FIRST_COME_ONLY);
  }
}
