package dev.weblogs.dashboard.model;

import java.util.Arrays;

/**
 * Live rows per (group, IP) pair of one column, so that a group's distinct IPs stay exact when rows leave: an
 * IP stops counting for a group only when its last row there goes. Open addressing over two arrays (12 bytes a
 * slot, at most two thirds full); a pair whose count falls to 0 keeps its slot, to be reused if it comes back.
 *
 * <p>Not thread-safe: changed under {@link LogModel}'s write lock, read under its read lock.
 */
public final class PairCounts {

    /** No pair has it: groups and IPs are codes, never negative. */
    private static final long EMPTY = -1;

    private long[] keys = filled(16);
    private int[] counts = new int[16];
    private int used;

    static long pair(int group, int ip) {
        return (long) group << 32 | ip;
    }

    /** Adds {@code delta} to the pair's count; returns the count it had before. */
    int add(long pair, int delta) {
        if ((used + 1) * 3 > keys.length * 2) {
            rehash();
        }
        int slot = find(keys, pair);
        if (keys[slot] == EMPTY) {
            keys[slot] = pair;
            used++;
        }
        int before = counts[slot];
        counts[slot] = before + delta;
        return before;
    }

    /** Slots to look at with {@link #pairAt} and {@link #countAt}. */
    public int slots() {
        return keys.length;
    }

    /** The pair in a slot, or -1 for an empty one; its group is {@code pair >>> 32}, its IP {@code (int) pair}. */
    public long pairAt(int slot) {
        return keys[slot];
    }

    /** The pair's live rows: 0 when its rows are gone. */
    public int countAt(int slot) {
        return counts[slot];
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = filled(oldKeys.length * 2);
        counts = new int[oldKeys.length * 2];
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != EMPTY) {
                int at = find(keys, oldKeys[slot]);
                keys[at] = oldKeys[slot];
                counts[at] = oldCounts[slot];
            }
        }
    }

    private static int find(long[] keys, long pair) {
        int mask = keys.length - 1;
        int slot = mix(pair) & mask;
        while (keys[slot] != EMPTY && keys[slot] != pair) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Codes are small and dense: spread them over the table (MurmurHash3's finalizer). */
    private static int mix(long pair) {
        long h = pair * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return (int) (h ^ h >>> 33);
    }

    private static long[] filled(int size) {
        long[] keys = new long[size];
        Arrays.fill(keys, EMPTY);
        return keys;
    }
}
