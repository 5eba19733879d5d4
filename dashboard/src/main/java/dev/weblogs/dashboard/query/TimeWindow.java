package dev.weblogs.dashboard.query;

/**
 * The rows with {@code from <= timestamp < to}, in seconds since 1970 (UTC); an open end is
 * {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE}.
 */
public record TimeWindow(long from, long to) {

    public static final TimeWindow ALL = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    public boolean contains(long time) {
        return time >= from && time < to;
    }

    public boolean bounded() {
        return from != Long.MIN_VALUE && to != Long.MAX_VALUE;
    }
}
