package dev.weblogs.dashboard.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of one column, each given a small code in order of first appearance, so that a row
 * holds ints and a panel counts into arrays indexed by code. Code 0 is SQL's NULL.
 *
 * <p>Not thread-safe: changed only under {@link LogModel}'s write lock, read under its read lock.
 */
public final class Dictionary {

    public static final int NULL = 0;

    private final Map<String, Integer> codes = new HashMap<>();
    private String[] values = new String[16];
    private int size = 1;

    /** The code of {@code value}, added if new. */
    public int encode(String value) {
        if (value == null) {
            return NULL;
        }
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        codes.put(value, size);
        return size++;
    }

    /** The code of {@code value}, or -1 when no row ever had it. */
    public int find(String value) {
        if (value == null) {
            return NULL;
        }
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    /** The value of {@code code}; {@code null} for {@link #NULL}. */
    public String value(int code) {
        return values[code];
    }

    /** Codes in use, NULL included: arrays indexed by code have this length. */
    public int size() {
        return size;
    }
}
