package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.StatusClass;
import java.util.List;

/**
 * Requests and bandwidth per time bucket, requests stacked by status class.
 *
 * @param bucket   "minute", "hour", "day" or "week", chosen from the range's length ({@link Buckets})
 * @param start    the first bucket's start, seconds since 1970 (UTC); bucket i starts at start + i * step
 * @param requests per status class ({@link #classes}), per bucket
 * @param previous total requests per bucket in the previous period, aligned with this one's; or {@code null}
 */
public record Timeline(long version, String bucket, long step, long start, List<String> classes, long[][] requests,
                       long[] bytes, long[] previous) {

    private static final List<String> CLASSES = List.of(StatusClass.NAMES);

    static Timeline of(Frame frame, View view, Selection current, Selection previous) {
        if (current.isEmpty() && view.window().from() == Long.MIN_VALUE) {
            return empty(frame);
        }
        Buckets buckets = Buckets.of(view, current.isEmpty(), current.minTime(), current.maxTime());
        long[][] requests = new long[CLASSES.size()][buckets.count()];
        long[] bytes = new long[buckets.count()];
        Grouping statusClass = Grouping.of(frame, Field.STATUS_CLASS);
        int[] rows = current.rows();
        for (int i = 0; i < current.count(); i++) {
            int row = rows[i];
            int at = buckets.of(frame.times()[row]);
            if (at >= 0) {
                requests[statusClass.group(row)][at] += frame.occurrences()[row];
                bytes[at] += frame.bytes()[row] * frame.occurrences()[row];
            }
        }
        long[] before = previous == null ? null : shifted(frame, previous, buckets,
                buckets.start() - (view.window().from() - view.previous().from()));
        return of(frame, buckets, requests, bytes, before);
    }

    static Timeline of(Frame frame, Buckets buckets, long[][] requests, long[] bytes, long[] previous) {
        return new Timeline(frame.version(), buckets.name(), buckets.step(), buckets.start(), CLASSES, requests, bytes,
                previous);
    }

    /** No rows and no range to place buckets in. */
    static Timeline empty(Frame frame) {
        return new Timeline(frame.version(), "hour", Buckets.HOUR, 0, CLASSES, new long[CLASSES.size()][0], new long[0],
                null);
    }

    /** The previous period's requests in the buckets of this one: bucket i holds those at the same offset. */
    private static long[] shifted(Frame frame, Selection previous, Buckets buckets, long start) {
        Buckets earlier = new Buckets(buckets.name(), buckets.step(), start, buckets.count());
        long[] requests = new long[buckets.count()];
        int[] rows = previous.rows();
        for (int i = 0; i < previous.count(); i++) {
            int at = earlier.of(frame.times()[rows[i]]);
            if (at >= 0) {
                requests[at] += frame.occurrences()[rows[i]];
            }
        }
        return requests;
    }
}
