package dev.weblogs.dashboard.model;

import java.util.Arrays;

/**
 * Finds a row by id, for the updates and deletes that {@code clean-log-changes} names by id. An open-addressing
 * table of row numbers (4 bytes a slot) that compares against the table's own id columns, so the ids are not
 * stored twice.
 */
final class IdIndex {

    private static final int EMPTY = -1;

    private int[] slots;
    private int used;

    IdIndex(int expectedRows) {
        slots = new int[tableSize(expectedRows)];
        Arrays.fill(slots, EMPTY);
    }

    private static int tableSize(int rows) {
        return Integer.highestOneBit(Math.max(16, rows * 2 - 1)) << 1;
    }

    /** The row with this id, or -1. */
    int find(long high, long low, long[] highs, long[] lows) {
        int mask = slots.length - 1;
        for (int slot = (int) mix(high, low) & mask; ; slot = (slot + 1) & mask) {
            int row = slots[slot];
            if (row == EMPTY || highs[row] == high && lows[row] == low) {
                return row;
            }
        }
    }

    /** Adds {@code row}, whose id is not in the index yet. */
    void add(int row, long[] highs, long[] lows) {
        if (++used * 3 > slots.length * 2) {
            int[] old = slots;
            slots = new int[old.length * 2];
            Arrays.fill(slots, EMPTY);
            for (int existing : old) {
                if (existing != EMPTY) {
                    place(existing, highs, lows);
                }
            }
        }
        place(row, highs, lows);
    }

    private void place(int row, long[] highs, long[] lows) {
        int mask = slots.length - 1;
        int slot = (int) mix(highs[row], lows[row]) & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row;
    }

    /**
     * Both halves, through MurmurHash3's finalizer: MD5 bits are uniform, but ids that are not MD5s (a table
     * filled by hand, a benchmark's counters) must not pile into one run of slots either.
     */
    private static long mix(long high, long low) {
        long h = high ^ (low * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
