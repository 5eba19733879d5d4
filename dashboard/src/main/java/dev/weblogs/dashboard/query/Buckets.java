package dev.weblogs.dashboard.query;

/**
 * The time buckets of a timeline, chosen from the range's length (or the rows' span when the range has none):
 * at most {@link #MAX_DAYS} days of days, minutes up to four hours, hours up to ten days, weeks beyond.
 *
 * @param name  "minute", "hour", "day" or "week"
 * @param step  a bucket's length in seconds
 * @param start the first bucket's start, seconds since 1970 (UTC); bucket i starts at start + i * step
 */
record Buckets(String name, long step, long start, int count) {

    static final long MINUTE = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;
    private static final int MAX_DAYS = 3000;

    /** @param empty whether the view has no rows; {@code min} and {@code max} are their earliest and latest times */
    static Buckets of(View view, boolean empty, long min, long max) {
        long from = view.window().from() != Long.MIN_VALUE ? view.window().from() : min;
        long to = view.window().to() != Long.MAX_VALUE ? view.window().to()
                : Math.max(empty ? from : max + 1, view.range().equals("all") ? 0 : view.now());
        long span = Math.max(1, to - from);
        long step = span <= 4 * HOUR ? MINUTE : span <= 10 * DAY ? HOUR : span / DAY <= MAX_DAYS ? DAY : 7 * DAY;
        String name = step == MINUTE ? "minute" : step == HOUR ? "hour" : step == DAY ? "day" : "week";
        long start = Math.floorDiv(from, step) * step;
        int count = (int) Math.max(1, Math.floorDiv(to - 1 - start, step) + 1);
        return new Buckets(name, step, start, count);
    }

    /** The bucket of a time, or -1 when it is outside them. */
    int of(long time) {
        long at = Math.floorDiv(time - start, step);
        return at >= 0 && at < count ? (int) at : -1;
    }
}
