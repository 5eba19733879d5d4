package dev.weblogs.message;

/**
 * A line as a consumer receives it, whatever transport brought it.
 *
 * @param tag           the transport's number for it; later deliveries have higher numbers
 * @param body          the line's bytes
 * @param occurrenceKey which physical line of which log it is, the same however often it is sent;
 *                      {@code null} when the publisher gave none
 * @param deliveryCount how many times it was delivered before (0 the first time), where the transport counts
 */
public record Delivery(long tag, byte[] body, String occurrenceKey, int deliveryCount) {
}
