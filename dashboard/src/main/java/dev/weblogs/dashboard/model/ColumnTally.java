package dev.weblogs.dashboard.model;

import java.util.Arrays;

/**
 * One column's requests and bytes over all live rows, per code, kept up to date as rows come, change and go:
 * plain sums, so that the whole table's panel ranks its groups without a pass over the rows.
 *
 * <p>Not thread-safe: changed under {@link LogModel}'s write lock, read under its read lock.
 */
public final class ColumnTally {

    private long[] hits = new long[16];
    private long[] bytes = new long[16];

    /** Counts a live row in, or ({@code sign} -1) out again. */
    void count(int code, long occurrences, long size, int sign) {
        if (code >= hits.length) {
            int capacity = Math.max(code + 1, hits.length * 2);
            hits = Arrays.copyOf(hits, capacity);
            bytes = Arrays.copyOf(bytes, capacity);
        }
        hits[code] += sign * occurrences;
        bytes[code] += sign * size * occurrences;
    }

    /** Requests per code: the sum of {@code occurrences}; as long as the dictionary or longer. */
    public long[] hits() {
        return hits;
    }

    /** Bytes per code: the sum of {@code size_bytes * occurrences}. */
    public long[] bytes() {
        return bytes;
    }
}
