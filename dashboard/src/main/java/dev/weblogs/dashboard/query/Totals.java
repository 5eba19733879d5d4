package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.StatusClass;

/**
 * The overview's figures for one period.
 *
 * @param requests     sum of {@code occurrences}
 * @param ips          distinct client IPs
 * @param bytes        sum of {@code size_bytes * occurrences}
 * @param clientErrors requests answered 4xx
 * @param serverErrors requests answered 5xx
 */
public record Totals(long requests, long ips, long bytes, long clientErrors, long serverErrors) {

    static Totals of(Frame frame, Selection selection) {
        Grouping classes = Grouping.of(frame, Field.STATUS_CLASS);
        int[] occurrences = frame.occurrences();
        long[] sizes = frame.bytes();
        int[] rows = selection.rows();
        long requests = 0;
        long bytes = 0;
        long[] byClass = new long[StatusClass.NAMES.length];
        for (int i = 0, count = selection.count(); i < count; i++) {
            int row = rows[i];
            long hits = occurrences[row];
            requests += hits;
            bytes += sizes[row] * hits;
            byClass[classes.group(row)] += hits;
        }
        return new Totals(requests, DistinctIps.overall(frame, selection), bytes, byClass[StatusClass.CLIENT_ERROR],
                byClass[StatusClass.SERVER_ERROR]);
    }
}
