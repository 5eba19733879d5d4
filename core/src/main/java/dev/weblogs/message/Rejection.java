package dev.weblogs.message;

/**
 * A line that can never become a row of its table, and why.
 *
 * @param line          the line's bytes
 * @param reason        the parser's or the database's reason, one line
 * @param occurrenceKey as in {@link Delivery}; {@code null} when the publisher gave none
 */
public record Rejection(byte[] line, String reason, String occurrenceKey) {
}
