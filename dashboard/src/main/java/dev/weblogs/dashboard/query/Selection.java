package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import java.util.List;

/**
 * The rows of one frame that a range and filters keep, found by one scan and shared by every panel of the
 * same view and version: {@code rows[0 .. count-1]}, in row order.
 *
 * @param minTime earliest {@code timestamp} among them ({@link Long#MAX_VALUE} when none)
 * @param maxTime latest ({@link Long#MIN_VALUE} when none)
 */
record Selection(int[] rows, int count, long minTime, long maxTime) {

    static Selection of(Frame frame, TimeWindow window, List<Filter> filters) {
        RowFilter filter = RowFilter.of(frame, filters);
        long[] times = frame.times();
        int[] occurrences = frame.occurrences();
        int[] rows = new int[frame.live()];
        int count = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long from = window.from();
        long to = window.to();
        for (int row = 0, size = frame.size(); row < size; row++) {
            long time = times[row];
            if (occurrences[row] == 0 || time < from || time >= to || !filter.test(row, time)) {
                continue;
            }
            rows[count++] = row;
            min = Math.min(min, time);
            max = Math.max(max, time);
        }
        return new Selection(rows, count, min, max);
    }

    boolean isEmpty() {
        return count == 0;
    }
}
