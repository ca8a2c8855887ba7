package fr.parcours.mail;

/** A plain-text email to send; {@code kind} (booking_confirmed…) names it in logs and files. */
public record Message(String kind, String recipient, String subject, String body) {
}
