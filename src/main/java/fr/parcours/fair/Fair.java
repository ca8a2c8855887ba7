package fr.parcours.fair;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.i18n.Catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A stored fair: its id, its owning organiser and the details they set. */
public record Fair(long id, long ownerId, FairDetails details) {

  public String slug() {
    return details.slug();
  }

  public ZoneId zone() {
    return details.zone();
  }

  public List<FairDay> days() {
    return details.days();
  }

  public int changeoverMinutes() {
    return details.changeoverMinutes();
  }

  public OffsetDateTime registrationOpensAt() {
    return details.registrationOpensAt();
  }

  public OffsetDateTime registrationClosesAt() {
    return details.registrationClosesAt();
  }

  public RegistrationSettings registration() {
    return details.registration();
  }

  /** Whether a class request may be filed, changed or withdrawn now: published, allocation mode, in its window. */
  public boolean requestsOpen(Instant now) {
    return published() && registration().requestsOpenAt(now);
  }

  /** The language to write to someone in: the one they used when the catalogue has it, else the fair's. */
  public String languageFor(String used) {
    return used != null && Catalogue.LANGUAGES.contains(used) ? used : details.language();
  }

  public boolean published() {
    return FairDetails.PUBLISHED.equals(details.status());
  }

  /**
   * Bookings are taken only while published and within the window (an unset bound is no limit),
   * and in allocation mode only once the allocation is published.
   */
  public boolean registrationOpen(Instant now) {
    OffsetDateTime opens = registrationOpensAt();
    OffsetDateTime closes = registrationClosesAt();
    return published() && registration().bookingsTaken()
        && (opens == null || !now.isBefore(opens.toInstant()))
        && (closes == null || now.isBefore(closes.toInstant()));
  }

  /** When {@link #registrationOpen} next changes its answer after {@code now}, if it ever does. */
  public Optional<Instant> registrationChangeAfter(Instant now) {
    return Stream.of(registrationOpensAt(), registrationClosesAt()).filter(Objects::nonNull)
        .map(OffsetDateTime::toInstant).filter(now::isBefore).min(Comparator.naturalOrder());
  }

  /**
   * What a visitor is told of registration besides "open": when it opens, or since when it is
   * closed, in the fair's local time; null while open (or with no bound to tell).
   */
  public String registrationNotice(String language, Instant now) {
    OffsetDateTime opens = registrationOpensAt();
    OffsetDateTime closes = registrationClosesAt();
    if (registrationOpen(now)) {
      return null;
    }
    if (opens != null && now.isBefore(opens.toInstant())) {
      return Catalogue.say(language, "registration_opens_on", Map.of("when", local(opens)));
    }
    return closes == null || now.isBefore(closes.toInstant()) ? null
        : Catalogue.say(language, "registration_closed_on", Map.of("when", local(closes)));
  }

  private LocalDateTime local(OffsetDateTime instant) {
    return instant.atZoneSameInstant(zone()).toLocalDateTime();
  }

  /** Its days as people read them, e.g. "jeudi 18 mars 2027, vendredi 19 mars 2027". */
  public String dateLabels(Locale locale) {
    return String.join(", ", days().stream().map(day -> day.label(locale)).toList());
  }

  /** The day a request is for: optional when the fair has a single day, else one of its days. */
  public FairDay day(LocalDate requested) {
    if (requested == null && days().size() == 1) {
      return days().get(0);
    }
    if (requested == null) {
      throw AppException.invalid("day", "DAY_REQUIRED", Map.of("days", days().size()));
    }
    return days().stream().filter(day -> day.day().equals(requested)).findFirst()
        .orElseThrow(() -> AppException.unprocessable("UNKNOWN_DAY", "day", Map.of("day", requested)));
  }

  /** The fair day whose opening hours contain the whole period, if any. */
  public Optional<FairDay> dayContaining(Interval period) {
    return days().stream().filter(day -> day.contains(period, zone())).findFirst();
  }
}
