package fr.parcours.booking;

/** What an organiser narrows the booking list to; a null field means "any". */
public record BookingFilter(String status, String track, String school) {
}
