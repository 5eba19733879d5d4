package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import dev.weblogs.dashboard.model.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The newest selected rows before a cursor, newest first: a page of the drill-down. Keyset paging on
 * (timestamp, row), so a later page costs the same as the first and rows arriving meanwhile do not shift it.
 */
final class NewestRows {

    private NewestRows() {
    }

    /** @param cursor {@code time.row} of the last row of the page before, or {@code null} for the first page */
    static List<LineRef> page(Frame frame, Selection selection, String cursor, int limit) {
        long beforeTime = Long.MAX_VALUE;
        int beforeRow = Integer.MAX_VALUE;
        if (cursor != null && !cursor.isEmpty()) {
            String[] parts = cursor.split("\\.");
            try {
                beforeTime = Long.parseLong(parts[0]);
                beforeRow = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("before must be a cursor from the previous page, not '" + cursor
                        + "'");
            }
        }
        long[] times = frame.times();
        // The oldest of the newest rows so far is at the head, to be replaced by a newer one.
        PriorityQueue<Integer> newest = new PriorityQueue<>(limit + 1, (a, b) -> times[a] != times[b]
                ? Long.compare(times[a], times[b]) : Integer.compare(a, b));
        int[] rows = selection.rows();
        // From the last row back: rows arrive roughly in time order, so the heap fills with the newest at once
        // and most older rows fail the comparison with its head without boxing.
        for (int i = selection.count() - 1; i >= 0; i--) {
            int row = rows[i];
            long time = times[row];
            if (time > beforeTime || time == beforeTime && row >= beforeRow) {
                continue;
            }
            if (newest.size() == limit && limit > 0) {
                int oldest = newest.peek();
                if (time < times[oldest] || time == times[oldest] && row < oldest) {
                    continue;
                }
            }
            newest.add(row);
            if (newest.size() > limit) {
                newest.poll();
            }
        }
        List<LineRef> page = new ArrayList<>(newest.size());
        while (!newest.isEmpty()) {
            page.add(0, ref(frame, newest.poll()));
        }
        return page;
    }

    private static LineRef ref(Frame frame, int row) {
        long time = frame.times()[row];
        return new LineRef(frame.id(row), time, frame.occurrences()[row], value(frame, Column.IP, row),
                value(frame, Column.STATUS, row), value(frame, Column.METHOD, row), value(frame, Column.PATH, row),
                value(frame, Column.COUNTRY, row), time + "." + row);
    }

    private static String value(Frame frame, Column column, int row) {
        return frame.dictionary(column).value(frame.codes(column)[row]);
    }
}
