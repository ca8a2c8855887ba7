package fr.parcours.fair;

/** Where a fair takes place (one of its buildings): what a message tells people to find it. */
public record Venue(String name, String address, String city) {
}
