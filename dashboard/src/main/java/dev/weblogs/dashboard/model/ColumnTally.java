package dev.weblogs.dashboard.model;

import java.util.Arrays;

/**
 * One column's figures over all live rows, per code: requests, bytes and distinct IPs, kept up to date as rows
 * come, change and go, so that the whole table's panel needs no pass over the rows.
 *
 * <p>Not thread-safe: changed under {@link LogModel}'s write lock, read under its read lock.
 */
public final class ColumnTally {

    private long[] hits = new long[16];
    private long[] bytes = new long[16];
    private int[] ips = new int[16];
    private final PairCounts pairs = new PairCounts();

    /** Counts a live row in, or ({@code sign} -1) out again. */
    void count(int code, int ip, long occurrences, long size, int sign) {
        if (code >= hits.length) {
            int capacity = Math.max(code + 1, hits.length * 2);
            hits = Arrays.copyOf(hits, capacity);
            bytes = Arrays.copyOf(bytes, capacity);
            ips = Arrays.copyOf(ips, capacity);
        }
        hits[code] += sign * occurrences;
        bytes[code] += sign * size * occurrences;
        int before = pairs.add(PairCounts.pair(code, ip), sign);
        if (before == (sign > 0 ? 0 : 1)) {
            ips[code] += sign;
        }
    }

    /** Requests per code: the sum of {@code occurrences}; as long as the dictionary or longer. */
    public long[] hits() {
        return hits;
    }

    /** Bytes per code: the sum of {@code size_bytes * occurrences}. */
    public long[] bytes() {
        return bytes;
    }

    /** Distinct IPs per code. */
    public int[] ips() {
        return ips;
    }

    /** Live rows per (code, IP), for the distinct IPs of values derived from the codes (browser, OS). */
    public PairCounts pairs() {
        return pairs;
    }
}
