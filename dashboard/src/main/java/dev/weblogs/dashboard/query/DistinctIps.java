package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import dev.weblogs.dashboard.model.Frame;
import java.util.Arrays;

/**
 * Exact distinct client IPs, overall and per group. For the few groups a panel shows, one bit set over the IP
 * codes per group; for many groups (an export), sorted (group, IP) pairs, which need memory per row instead of
 * per group times IPs.
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
     * Distinct IPs of each group of {@code groups}, in their order, among the selected rows.
     *
     * @param slots group code to its index in {@code groups}, -1 for the others
     */
    static long[] perGroup(Frame frame, Grouping grouping, Selection selection, int[] groups, int[] slots) {
        return perGroup(frame, grouping, selection.rows(), selection.count(), groups, slots);
    }

    /** The same among all live rows, read in place: the whole table needs no list of its rows. */
    static long[] perGroupOfLiveRows(Frame frame, Grouping grouping, int[] groups, int[] slots) {
        return perGroup(frame, grouping, null, frame.size(), groups, slots);
    }

    /** @param rows the rows to count, or {@code null} for rows {@code 0 .. count-1} with occurrences */
    private static long[] perGroup(Frame frame, Grouping grouping, int[] rows, int count, int[] groups,
                                   int[] slots) {
        if (groups.length == 0) {
            return new long[0];
        }
        int[] ips = frame.codes(Column.IP);
        int[] occurrences = frame.occurrences();
        boolean bitSets = (long) groups.length * words(frame) <= BIT_SET_WORDS;
        long[][] seen = new long[groups.length][];
        long[] pairs = bitSets ? null : new long[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int row = rows == null ? i : rows[i];
            int slot = slots[grouping.group(row)];
            if (slot < 0 || rows == null && occurrences[row] == 0) {
                continue;
            }
            int ip = ips[row];
            if (bitSets) {
                long[] bits = seen[slot];
                if (bits == null) {
                    bits = seen[slot] = new long[words(frame)];
                }
                bits[ip >>> 6] |= 1L << ip;
            } else {
                pairs[size++] = (long) slot << 32 | ip;
            }
        }
        return bitSets ? bitCounts(seen) : sortedCounts(pairs, size, groups.length);
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
