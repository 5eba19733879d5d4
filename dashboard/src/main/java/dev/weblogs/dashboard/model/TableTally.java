package dev.weblogs.dashboard.model;

import java.util.Arrays;

/**
 * The figures of the whole table, every live row counted, kept up to date by {@link LogTable} as rows come,
 * change (counted out as they were, in as they are) and go: what the page shows for range "all" without a
 * filter, its most asked view, at the cost of a few additions per row written. Distinct IPs are not kept
 * here: exact counts per value would need a live-row count per (value, IP) pair, about as many as rows.
 *
 * <p>Not thread-safe: changed under {@link LogModel}'s write lock, read under its read lock.
 */
public final class TableTally {

    private static final Column[] COLUMNS = Column.values();

    private final ColumnTally[] columns = new ColumnTally[COLUMNS.length];
    private final HourTally hours = new HourTally();
    private final LiveTimeBounds bounds = new LiveTimeBounds();
    private final Dictionary statuses;
    /** Status code (of {@link #statuses}) to its {@link StatusClass}, filled as codes appear. */
    private int[] classOfStatus = new int[0];
    private long requests;
    private long bytes;

    TableTally(Dictionary statuses) {
        this.statuses = statuses;
        for (Column column : COLUMNS) {
            columns[column.ordinal()] = new ColumnTally();
        }
    }

    /** Counts a live row in, or ({@code sign} -1) out again, as {@code codes} and the other values hold it. */
    void count(int[][] codes, int row, long time, long size, int occurrences, int sign) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].count(codes[c][row], occurrences, size, sign);
        }
        hours.count(time, statusClass(codes[Column.STATUS.ordinal()][row]), occurrences, size, sign);
        requests += sign * (long) occurrences;
        bytes += sign * size * occurrences;
        if (sign > 0) {
            bounds.add(time);
        } else {
            bounds.remove(time);
        }
    }

    private int statusClass(int code) {
        if (code >= classOfStatus.length) {
            int known = classOfStatus.length;
            classOfStatus = Arrays.copyOf(classOfStatus, statuses.size());
            for (int c = known; c < classOfStatus.length; c++) {
                classOfStatus[c] = c == Dictionary.NULL ? StatusClass.NAMES.length - 1
                        : StatusClass.of(Integer.parseInt(statuses.value(c)));
            }
        }
        return classOfStatus[code];
    }

    /** Whether the earliest or latest time must be found again by {@link #rescanBounds}. */
    boolean boundsLost() {
        return bounds.lost();
    }

    /** The times of the live rows, after the row at a bound left. */
    void rescanBounds(long[] times, int[] occurrences, int size) {
        bounds.clear();
        for (int row = 0; row < size; row++) {
            if (occurrences[row] > 0) {
                bounds.add(times[row]);
            }
        }
    }

    public ColumnTally column(Column column) {
        return columns[column.ordinal()];
    }

    public HourTally hours() {
        return hours;
    }

    /** Sum of {@code occurrences}. */
    public long requests() {
        return requests;
    }

    /** Sum of {@code size_bytes * occurrences}. */
    public long bytes() {
        return bytes;
    }

    /** Earliest {@code timestamp} of a live row ({@link Long#MAX_VALUE} when none). */
    public long first() {
        return bounds.first();
    }

    /** Latest one ({@link Long#MIN_VALUE} when none). */
    public long last() {
        return bounds.last();
    }
}
