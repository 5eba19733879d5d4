package dev.weblogs.config;

import java.time.Duration;

/**
 * How a consumer batches.
 *
 * @param batchSize     rows per transaction
 * @param flushInterval how long a partial batch waits for more lines before it is written
 * @param prefetch      unacknowledged messages the broker may send ahead
 */
public record BatchSettings(int batchSize, Duration flushInterval, int prefetch) {
}
