package dev.weblogs.dashboard.store;

import java.util.Arrays;

/** A growing array of longs, for the {@code seq} values of a load without boxing millions of them. */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
