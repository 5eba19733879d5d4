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
     * Distinct IPs of each group of {@code groups}, in their order.
     *
     * @param slots group code to its index in {@code groups}, -1 for the others
     */
    static long[] perGroup(Frame frame, Grouping grouping, Selection selection, int[] groups, int[] slots) {
        if (groups.length == 0) {
            return new long[0];
        }
        return (long) groups.length * words(frame) <= BIT_SET_WORDS
                ? withBitSets(frame, grouping, selection, groups.length, slots)
                : withPairs(frame, grouping, selection, groups.length, slots);
    }

    private static long[] withBitSets(Frame frame, Grouping grouping, Selection selection, int slotCount,
                                      int[] slots) {
        int words = words(frame);
        long[][] seen = new long[slotCount][];
        int[] ips = frame.codes(Column.IP);
        int[] rows = selection.rows();
        for (int i = 0, count = selection.count(); i < count; i++) {
            int row = rows[i];
            int slot = slots[grouping.group(row)];
            if (slot >= 0) {
                long[] bits = seen[slot];
                if (bits == null) {
                    bits = seen[slot] = new long[words];
                }
                int ip = ips[row];
                bits[ip >>> 6] |= 1L << ip;
            }
        }
        long[] distinct = new long[slotCount];
        for (int slot = 0; slot < slotCount; slot++) {
            for (long word : seen[slot] == null ? new long[0] : seen[slot]) {
                distinct[slot] += Long.bitCount(word);
            }
        }
        return distinct;
    }

    private static long[] withPairs(Frame frame, Grouping grouping, Selection selection, int slotCount,
                                    int[] slots) {
        int[] ips = frame.codes(Column.IP);
        int[] rows = selection.rows();
        long[] pairs = new long[selection.count()];
        int size = 0;
        for (int i = 0, count = selection.count(); i < count; i++) {
            int slot = slots[grouping.group(rows[i])];
            if (slot >= 0) {
                pairs[size++] = (long) slot << 32 | ips[rows[i]];
            }
        }
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
