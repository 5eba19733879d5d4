package dev.weblogs.sink;

/**
 * A row to store, with the occurrence key of the line it came from.
 *
 * @param occurrenceKey {@code null} when the publisher gave none
 */
public record KeyedRow<R>(R row, String occurrenceKey) {
}
