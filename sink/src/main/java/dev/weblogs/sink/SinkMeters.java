package dev.weblogs.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What a sink counts, per table. */
public final class SinkMeters {

    private final Counter written;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter retries;
    private final DistributionSummary batchSizes;
    private final Timer commits;

    public SinkMeters(MeterRegistry metrics, String table) {
        written = metrics.counter("weblogs.rows.written", "table", table);
        duplicates = metrics.counter("weblogs.rows.duplicates", "table", table);
        rejected = metrics.counter("weblogs.lines.rejected", "table", table);
        retries = metrics.counter("weblogs.database.retries", "table", table);
        batchSizes = DistributionSummary.builder("weblogs.batch.size").tag("table", table).register(metrics);
        commits = Timer.builder("weblogs.batch.commit").tag("table", table).register(metrics);
    }

    void stored(int rows, StoreResult result, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        batchSizes.record(rows);
        written.increment(result.written());
        duplicates.increment(result.duplicates());
    }

    void rejected(int lines) {
        rejected.increment(lines);
    }

    void retried() {
        retries.increment();
    }

    public long written() {
        return (long) written.count();
    }

    public long duplicates() {
        return (long) duplicates.count();
    }

    public long rejected() {
        return (long) rejected.count();
    }

    public long retries() {
        return (long) retries.count();
    }
}
