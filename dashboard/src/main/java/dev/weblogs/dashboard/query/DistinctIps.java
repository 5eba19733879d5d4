package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.PairCounts;
import java.util.Arrays;

/**
 * Exact distinct client IPs, overall and per group. For the few groups a panel shows, one bit set over the IP
 * codes per group; for many groups (an export), sorted (group, IP) pairs, which need memory per row instead of
 * per group times IPs. The IPs come from selected rows, or for the whole table from a column's live
 * (code, IP) pairs.
 */
final class DistinctIps {

    /** Bit-set words (8 bytes each) one count may allocate before it sorts pairs instead: 32 MiB. */
    private static final long BIT_SET_WORDS = 4L << 20;

    private DistinctIps() {
    }

    static long overall(Frame frame, Selection selection) {
        int[] ips = frame.codes(Column.IP);
        long[] seen = new long[words(frame)];
        int[] rows = selection.rows();
        for (int i = 0, count = selection.count(); i < count; i++) {
            int ip = ips[rows[i]];
            seen[ip >>> 6] |= 1L << ip;
        }
        long distinct = 0;
        for (long word : seen) {
            distinct += Long.bitCount(word);
        }
        return distinct;
    }

    /**
     * Distinct IPs of each group of {@code groups}, in their order.
     *
     * @param slots group code to its index in {@code groups}, -1 for the others
     */
    static long[] perGroup(Frame frame, Grouping grouping, Selection selection, int[] groups, int[] slots) {
        if (groups.length == 0) {
            return new long[0];
        }
        int[] ips = frame.codes(Column.IP);
        int[] rows = selection.rows();
        int count = selection.count();
        if (fitBitSets(frame, groups)) {
            long[][] seen = new long[groups.length][];
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                int slot = slots[grouping.group(row)];
                if (slot >= 0) {
                    mark(seen, slot, ips[row], words(frame));
                }
            }
            return bitCounts(seen);
        }
        long[] pairs = new long[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int slot = slots[grouping.group(rows[i])];
            if (slot >= 0) {
                pairs[size++] = (long) slot << 32 | ips[rows[i]];
            }
        }
        return sortedCounts(pairs, size, groups.length);
    }

    /**
     * Distinct IPs of each group of {@code groups} over the whole table, from the live (code, IP) pairs of the
     * column that {@code grouping} maps to groups: values derived from a column, as browser and OS.
     */
    static long[] perGroup(Frame frame, Grouping grouping, PairCounts pairs, int[] groups, int[] slots) {
        boolean bitSets = fitBitSets(frame, groups);
        long[][] seen = new long[groups.length][];
        long[] sorted = bitSets ? null : new long[pairs.slots()];
        int size = 0;
        for (int at = 0, end = pairs.slots(); at < end; at++) {
            long pair = pairs.pairAt(at);
            if (pair < 0 || pairs.countAt(at) == 0) {
                continue;
            }
            int slot = slots[grouping.remap()[(int) (pair >>> 32)]];
            if (slot < 0) {
                continue;
            }
            if (bitSets) {
                mark(seen, slot, (int) pair, words(frame));
            } else {
                sorted[size++] = (long) slot << 32 | (int) pair;
            }
        }
        return bitSets ? bitCounts(seen) : sortedCounts(sorted, size, groups.length);
    }

    private static boolean fitBitSets(Frame frame, int[] groups) {
        return (long) groups.length * words(frame) <= BIT_SET_WORDS;
    }

    private static void mark(long[][] seen, int slot, int ip, int words) {
        long[] bits = seen[slot];
        if (bits == null) {
            bits = seen[slot] = new long[words];
        }
        bits[ip >>> 6] |= 1L << ip;
    }

    private static long[] bitCounts(long[][] seen) {
        long[] distinct = new long[seen.length];
        for (int slot = 0; slot < seen.length; slot++) {
            for (long word : seen[slot] == null ? new long[0] : seen[slot]) {
                distinct[slot] += Long.bitCount(word);
            }
        }
        return distinct;
    }

    /** Distinct (slot, IP) pairs per slot, from {@code pairs[0 .. size-1]}, which it sorts. */
    private static long[] sortedCounts(long[] pairs, int size, int slotCount) {
        Arrays.parallelSort(pairs, 0, size);
        long[] distinct = new long[slotCount];
        for (int i = 0; i < size; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                distinct[(int) (pairs[i] >>> 32)]++;
            }
        }
        return distinct;
    }

    private static int words(Frame frame) {
        return (frame.dictionary(Column.IP).size() + 63) >>> 6;
    }
}
