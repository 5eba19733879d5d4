package dev.weblogs.dashboard.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests per status class and bytes per hour over all live rows: the whole table's timeline (hours, days,
 * weeks) and heat map without a pass over the rows. Held a day at a time, so that a stray timestamp years away
 * costs one day more, not every hour in between.
 *
 * <p>Not thread-safe: changed under {@link LogModel}'s write lock, read under its read lock.
 */
public final class HourTally {

    /** Where an hour's figures hold its bytes; its requests per status class come before. */
    public static final int BYTES = StatusClass.NAMES.length;

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private final Map<Long, long[][]> days = new HashMap<>();
    /** The day counted last: rows come in time order, so most are counted without a map look-up. */
    private long lastDay = Long.MIN_VALUE;
    private long[][] lastHours;

    /** The figures of one hour: requests per status class, then bytes at {@link #BYTES}. */
    public interface HourVisitor {
        void visit(long start, long[] figures);
    }

    /** Counts a live row in, or ({@code sign} -1) out again. */
    void count(long time, int statusClass, long occurrences, long size, int sign) {
        long day = Math.floorDiv(time, DAY);
        if (day != lastDay) {
            lastHours = days.computeIfAbsent(day, d -> new long[24][BYTES + 1]);
            lastDay = day;
        }
        long[] hour = lastHours[(int) (Math.floorMod(time, DAY) / HOUR)];
        hour[statusClass] += sign * occurrences;
        hour[BYTES] += sign * size * occurrences;
    }

    /** Every hour that had rows, in no particular order. */
    public void forEach(HourVisitor visitor) {
        days.forEach((day, hours) -> {
            for (int hour = 0; hour < hours.length; hour++) {
                visitor.visit(day * DAY + hour * HOUR, hours[hour]);
            }
        });
    }
}
