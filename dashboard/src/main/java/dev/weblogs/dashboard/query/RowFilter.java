package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A view's filters compiled for one frame: per filtered column, a table of which codes pass, so that testing a
 * row costs one array read per filter.
 */
final class RowFilter {

    private static final long DAY = 86_400;

    private final int[][] columns;
    private final boolean[][] accepted;
    private final boolean[] hours;
    private final boolean[] weekdays;

    private RowFilter(int[][] columns, boolean[][] accepted, boolean[] hours, boolean[] weekdays) {
        this.columns = columns;
        this.accepted = accepted;
        this.hours = hours;
        this.weekdays = weekdays;
    }

    static RowFilter of(Frame frame, List<Filter> filters) {
        List<int[]> columns = new ArrayList<>();
        List<boolean[]> accepted = new ArrayList<>();
        boolean[] hours = null;
        boolean[] weekdays = null;
        for (Filter filter : filters) {
            switch (filter.field()) {
                case HOUR -> hours = both(hours, clock(filter, 24, 0));
                case WEEKDAY -> weekdays = both(weekdays, clock(filter, 7, 1));
                default -> {
                    Grouping grouping = Grouping.of(frame, filter.field());
                    columns.add(grouping.codes());
                    accepted.add(codes(grouping, filter));
                }
            }
        }
        return new RowFilter(columns.toArray(new int[0][]), accepted.toArray(new boolean[0][]), hours, weekdays);
    }

    private static boolean[] codes(Grouping grouping, Filter filter) {
        boolean[] groups = new boolean[grouping.groups()];
        for (String value : filter.values()) {
            int group = grouping.find(value);
            if (group >= 0) {
                groups[group] = true;
            }
        }
        boolean[] codes = new boolean[grouping.storedCodes()];
        for (int code = 0; code < codes.length; code++) {
            int group = grouping.remap() == null ? code : grouping.remap()[code];
            codes[code] = groups[group] != filter.exclude();
        }
        return codes;
    }

    /** Hours 0..23 ({@code first} 0) or ISO weekdays 1..7 ({@code first} 1), as indexes from 0. */
    private static boolean[] clock(Filter filter, int size, int first) {
        boolean[] wanted = new boolean[size];
        for (String value : filter.values()) {
            try {
                int index = Integer.parseInt(value) - first;
                if (index >= 0 && index < size) {
                    wanted[index] = true;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(filter.field().key() + " must be a number from " + first
                        + " to " + (size - 1 + first) + ", not '" + value + "'");
            }
        }
        if (filter.exclude()) {
            for (int i = 0; i < size; i++) {
                wanted[i] = !wanted[i];
            }
        }
        return wanted;
    }

    private static boolean[] both(boolean[] earlier, boolean[] more) {
        if (earlier == null) {
            return more;
        }
        boolean[] result = Arrays.copyOf(earlier, earlier.length);
        for (int i = 0; i < result.length; i++) {
            result[i] &= more[i];
        }
        return result;
    }

    boolean test(int row, long time) {
        for (int f = 0; f < columns.length; f++) {
            if (!accepted[f][columns[f][row]]) {
                return false;
            }
        }
        return (hours == null || hours[hourOf(time)]) && (weekdays == null || weekdays[weekdayOf(time)]);
    }

    /** Hour of day in UTC, 0..23. */
    static int hourOf(long time) {
        return (int) (Math.floorMod(time, DAY) / 3600);
    }

    /** Day of week in UTC, 0 (Monday) .. 6 (Sunday): 1970-01-01 was a Thursday. */
    static int weekdayOf(long time) {
        return (int) Math.floorMod(Math.floorDiv(time, DAY) + 3, 7);
    }
}
