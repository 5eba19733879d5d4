package dev.weblogs.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Collects deliveries into batches. The writer waiting for a batch is woken when the first line of a batch
 * arrives and when the batch is full or due, not once per line: at thousands of lines a second, a wake-up
 * per line costs more CPU than the line itself.
 */
final class BatchBuffer<T> {

    private final int batchSize;
    private final long flushNanos;
    private List<T> items = new ArrayList<>();
    /** When the oldest item waiting arrived. */
    private long oldest;

    BatchBuffer(int batchSize, Duration flushInterval) {
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
    }

    synchronized void add(T item) {
        if (items.isEmpty()) {
            oldest = System.nanoTime();
            notifyAll();
        }
        items.add(item);
        if (items.size() == batchSize) {
            notifyAll();
        }
    }

    /**
     * The next batch: {@code batchSize} items, or fewer once the oldest has waited the flush interval; an
     * empty list when nothing arrives within {@code idle}.
     */
    synchronized List<T> take(Duration idle) throws InterruptedException {
        long idleUntil = System.nanoTime() + idle.toNanos();
        while (items.isEmpty()) {
            long left = idleUntil - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        while (items.size() < batchSize) {
            long left = oldest + flushNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (items.size() <= batchSize) {
            List<T> batch = items;
            items = new ArrayList<>(batchSize);
            return batch;
        }
        // More arrived while the last batch was written: the rest is already due.
        List<T> batch = new ArrayList<>(items.subList(0, batchSize));
        items = new ArrayList<>(items.subList(batchSize, items.size()));
        return batch;
    }

    synchronized boolean isEmpty() {
        return items.isEmpty();
    }
}
