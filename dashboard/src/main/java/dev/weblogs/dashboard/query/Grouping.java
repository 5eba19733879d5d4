package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import dev.weblogs.dashboard.model.Dictionary;
import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.StatusClass;

/**
 * A field's value of each row as a group code: the stored column's code, or for a derived field, that code
 * mapped ({@code remap}) to the derived value's code. Group 0 is NULL.
 */
record Grouping(int[] codes, int[] remap, int groups, Dictionary dictionary, String[] names) {

    static Grouping of(Frame frame, Field field) {
        return switch (field) {
            case BROWSER -> derived(frame, frame.browserOfAgent(), frame.browsers());
            case OS -> derived(frame, frame.systemOfAgent(), frame.systems());
            case STATUS_CLASS -> statusClasses(frame);
            case HOUR, WEEKDAY -> throw new IllegalArgumentException(field.key() + " is not a column");
            default -> new Grouping(frame.codes(field.column()), null, frame.dictionary(field.column()).size(),
                    frame.dictionary(field.column()), null);
        };
    }

    private static Grouping derived(Frame frame, int[] remap, Dictionary values) {
        return new Grouping(frame.codes(Column.USER_AGENT), remap, values.size(), values, null);
    }

    private static Grouping statusClasses(Frame frame) {
        Dictionary statuses = frame.dictionary(Column.STATUS);
        int[] remap = new int[statuses.size()];
        for (int code = 1; code < statuses.size(); code++) {
            remap[code] = StatusClass.of(Integer.parseInt(statuses.value(code)));
        }
        return new Grouping(frame.codes(Column.STATUS), remap, StatusClass.NAMES.length, null, StatusClass.NAMES);
    }

    int group(int row) {
        int code = codes[row];
        return remap == null ? code : remap[code];
    }

    /** The group of a value as URLs write it ("" for NULL); -1 when no row has it. */
    int find(String value) {
        if (names != null) {
            return java.util.Arrays.asList(names).indexOf(value);
        }
        return dictionary.find(value.isEmpty() ? null : value);
    }

    /** The value of a group; {@code null} for NULL. */
    String value(int group) {
        return names != null ? names[group] : dictionary.value(group);
    }

    /** How many stored codes there are: the length of an array indexed by {@link #codes} values. */
    int storedCodes() {
        return remap == null ? groups : remap.length;
    }
}
