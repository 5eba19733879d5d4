package dev.weblogs.cli;

import dev.weblogs.config.BatchSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the consumers batch: shared by both. */
public final class BatchOptions {

    @Option(names = "--batch-size", paramLabel = "<rows>", defaultValue = "1000",
            description = "Rows written per transaction.")
    private int batchSize;

    @Option(names = "--flush-interval-ms", paramLabel = "<ms>", defaultValue = "200",
            description = "A partial batch is written after this long.")
    private int flushIntervalMs;

    @Option(names = "--prefetch", paramLabel = "<messages>", defaultValue = "2000",
            description = "Unacknowledged messages the broker may send ahead (bounds memory).")
    private int prefetch;

    public BatchSettings settings() {
        if (batchSize < 1) {
            throw new SettingException("--batch-size", "must be at least 1, not " + batchSize);
        }
        if (flushIntervalMs < 1) {
            throw new SettingException("--flush-interval-ms", "must be at least 1, not " + flushIntervalMs);
        }
        if (prefetch < batchSize) {
            throw new SettingException("--prefetch", "must be at least the batch size (" + batchSize
                    + "), not " + prefetch + ", or batches could never fill");
        }
        return new BatchSettings(batchSize, Duration.ofMillis(flushIntervalMs), prefetch);
    }
}
