package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;

/**
 * Requests by day of week and hour of day, in UTC.
 *
 * @param requests [weekday 0 (Monday) .. 6][hour 0 .. 23]
 */
public record HeatMap(long version, long[][] requests) {

    static HeatMap of(Frame frame, Selection selection) {
        long[][] requests = new long[7][24];
        long[] times = frame.times();
        int[] occurrences = frame.occurrences();
        int[] rows = selection.rows();
        for (int i = 0; i < selection.count(); i++) {
            long time = times[rows[i]];
            requests[RowFilter.weekdayOf(time)][RowFilter.hourOf(time)] += occurrences[rows[i]];
        }
        return new HeatMap(frame.version(), requests);
    }
}
