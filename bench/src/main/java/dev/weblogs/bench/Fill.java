package dev.weblogs.bench;

/**
 * How something filled up to a known total (a table with every line, a queue with every message): when it
 * was first seen non-empty and how much it held then, and when it was complete.
 */
record Fill(long firstNanos, long firstCount, long doneNanos, long total) {

    /** Items per second once filling had begun: what start-up (JVM, Hibernate, GeoIP database) does not blur. */
    double perSecond() {
        long nanos = doneNanos - firstNanos;
        return nanos > 0 ? (total - firstCount) / (nanos / 1e9) : Double.NaN;
    }

    /** Items per second from {@code startNanos} (a process start) to complete. */
    double perSecondSince(long startNanos) {
        return total / ((doneNanos - startNanos) / 1e9);
    }
}
