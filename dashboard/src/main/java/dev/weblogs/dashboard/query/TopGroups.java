package dev.weblogs.dashboard.query;

/**
 * The {@code limit} groups with the most hits, most first; ties by group code (first seen first), so the order
 * is stable from one refresh to the next. A bounded heap: O(groups · log limit), no boxing.
 */
final class TopGroups {

    private TopGroups() {
    }

    static int[] of(long[] hits, int limit) {
        int[] heap = new int[Math.max(0, Math.min(limit, hits.length))];
        int size = 0;
        for (int group = 0; group < hits.length; group++) {
            if (hits[group] == 0) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = group;
                up(heap, size++, hits);
            } else if (size > 0 && before(group, heap[0], hits)) {
                heap[0] = group;
                down(heap, size, hits);
            }
        }
        int[] sorted = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            sorted[i] = heap[0];
            heap[0] = heap[i];
            down(heap, i, hits);
        }
        return sorted;
    }

    /** Whether {@code a} ranks above {@code b}. */
    private static boolean before(int a, int b, long[] hits) {
        return hits[a] != hits[b] ? hits[a] > hits[b] : a < b;
    }

    /** The heap keeps the lowest-ranked group on top, to be replaced by a better one. */
    private static void up(int[] heap, int at, long[] hits) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!before(heap[parent], heap[at], hits)) {
                return;
            }
            swap(heap, at, parent);
            at = parent;
        }
    }

    private static void down(int[] heap, int size, long[] hits) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(heap[child], heap[child + 1], hits)) {
                child++;
            }
            if (!before(heap[at], heap[child], hits)) {
                return;
            }
            swap(heap, at, child);
            at = child;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int kept = heap[a];
        heap[a] = heap[b];
        heap[b] = kept;
    }
}
