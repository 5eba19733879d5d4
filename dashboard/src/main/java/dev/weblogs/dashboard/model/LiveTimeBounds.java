package dev.weblogs.dashboard.model;

/**
 * The earliest and latest timestamp of the live rows, and how many rows have each, so that a row leaving
 * a bound costs a scan of the times only when it was the last one there (an update leaves and comes back).
 */
final class LiveTimeBounds {

    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private int atFirst;
    private int atLast;

    void add(long time) {
        if (time < first || atFirst == 0 && time == first) {
            first = time;
            atFirst = 0;
        }
        if (time == first) {
            atFirst++;
        }
        if (time > last || atLast == 0 && time == last) {
            last = time;
            atLast = 0;
        }
        if (time == last) {
            atLast++;
        }
    }

    void remove(long time) {
        if (time == first) {
            atFirst--;
        }
        if (time == last) {
            atLast--;
        }
    }

    /** Whether a bound's last row left, so that only a scan of the live rows can say where it is now. */
    boolean lost() {
        return atFirst == 0 && first != Long.MAX_VALUE || atLast == 0 && last != Long.MIN_VALUE;
    }

    /** Starts again before a scan {@link #add}s every live row. */
    void clear() {
        first = Long.MAX_VALUE;
        last = Long.MIN_VALUE;
        atFirst = 0;
        atLast = 0;
    }

    long first() {
        return first;
    }

    long last() {
        return last;
    }
}
