package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import java.util.List;

/**
 * Requests and bandwidth per time bucket, requests stacked by status class.
 *
 * @param bucket   "minute", "hour", "day" or "week", chosen from the range's length
 * @param start    the first bucket's start, seconds since 1970 (UTC); bucket i starts at start + i * step
 * @param requests per status class ({@link #classes}), per bucket
 * @param previous total requests per bucket in the previous period, aligned with this one's; or {@code null}
 */
public record Timeline(long version, String bucket, long step, long start, List<String> classes, long[][] requests,
                       long[] bytes, long[] previous) {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;
    private static final int MAX_BUCKETS = 3000;

    static Timeline of(Frame frame, View view, Selection current, Selection previous) {
        List<String> classes = List.of(Grouping.STATUS_CLASSES);
        if (current.isEmpty() && view.window().from() == Long.MIN_VALUE) {
            return new Timeline(frame.version(), "hour", HOUR, 0, classes, new long[classes.size()][0], new long[0],
                    null);
        }
        long from = view.window().from() != Long.MIN_VALUE ? view.window().from() : current.minTime();
        long to = view.window().to() != Long.MAX_VALUE ? view.window().to()
                : Math.max(current.isEmpty() ? from : current.maxTime() + 1, view.range().equals("all") ? 0 : view.now());
        long span = Math.max(1, to - from);
        long step = span <= 4 * HOUR ? MINUTE : span <= 10 * DAY ? HOUR : span / DAY <= MAX_BUCKETS ? DAY : 7 * DAY;
        String bucket = step == MINUTE ? "minute" : step == HOUR ? "hour" : step == DAY ? "day" : "week";
        long start = Math.floorDiv(from, step) * step;
        int buckets = (int) Math.max(1, Math.floorDiv(to - 1 - start, step) + 1);
        long[][] requests = new long[classes.size()][buckets];
        long[] bytes = new long[buckets];
        Grouping statusClass = Grouping.of(frame, Field.STATUS_CLASS);
        int[] rows = current.rows();
        for (int i = 0; i < current.count(); i++) {
            int row = rows[i];
            int at = (int) Math.floorDiv(frame.times()[row] - start, step);
            if (at >= 0 && at < buckets) {
                requests[statusClass.group(row)][at] += frame.occurrences()[row];
                bytes[at] += frame.bytes()[row] * frame.occurrences()[row];
            }
        }
        long[] before = previous == null ? null : shifted(frame, previous, start - (from - view.previous().from()),
                step, buckets);
        return new Timeline(frame.version(), bucket, step, start, classes, requests, bytes, before);
    }

    /** The previous period's requests in the buckets of this one: bucket i holds those at the same offset. */
    private static long[] shifted(Frame frame, Selection previous, long start, long step, int buckets) {
        long[] requests = new long[buckets];
        int[] rows = previous.rows();
        for (int i = 0; i < previous.count(); i++) {
            int at = (int) Math.floorDiv(frame.times()[rows[i]] - start, step);
            if (at >= 0 && at < buckets) {
                requests[at] += frame.occurrences()[rows[i]];
            }
        }
        return requests;
    }
}
