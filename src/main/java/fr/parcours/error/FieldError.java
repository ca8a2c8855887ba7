package fr.parcours.error;

/** One problem with one input field, named by its JSON path (e.g. {@code school.uai}). */
public record FieldError(String field, String message) {
}
