package dev.weblogs.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The messages of one channel published and not yet confirmed, by publish sequence number. Lock-free, as
 * in rabbitmq-perf-test's {@code Producer} (a sorted concurrent map, and a semaphore for the window), so
 * that the connection's reader thread, which delivers the confirms, never waits for a publishing thread.
 *
 * <p>Each message removed from the map is removed exactly once, by a confirm or by {@link #drain()}: a
 * message is thus either confirmed (its callback runs, its window permit goes back) or handed over to be
 * published again elsewhere (keeping its permit), never both.
 */
final class ConfirmTracker<M> {

    private final ConcurrentSkipListMap<Long, M> unconfirmed = new ConcurrentSkipListMap<>();
    private final Semaphore window;
    private final Consumer<M> onConfirmed;

    /**
     * @param window      permits of the messages in flight, taken by the publisher before each publish
     * @param onConfirmed told of each confirmed message, on the thread that delivers the confirm
     */
    ConfirmTracker(Semaphore window, Consumer<M> onConfirmed) {
        this.window = window;
        this.onConfirmed = onConfirmed;
    }

    /** {@code message} goes out as {@code sequenceNumber}; its window permit is already taken. */
    void track(long sequenceNumber, M message) {
        unconfirmed.put(sequenceNumber, message);
    }

    /**
     * The broker confirmed {@code sequenceNumber}, and with {@code multiple} every lower one.
     *
     * @return how many messages that confirmed
     */
    int confirm(long sequenceNumber, boolean multiple) {
        int confirmed = 0;
        if (multiple) {
            ConcurrentNavigableMap<Long, M> done = unconfirmed.headMap(sequenceNumber, true);
            for (Map.Entry<Long, M> entry = done.pollFirstEntry(); entry != null; entry = done.pollFirstEntry()) {
                confirmed(entry.getValue());
                confirmed++;
            }
        } else {
            M message = unconfirmed.remove(sequenceNumber);
            if (message != null) {
                confirmed(message);
                confirmed++;
            }
        }
        return confirmed;
    }

    private void confirmed(M message) {
        try {
            onConfirmed.accept(message);
        } finally {
            window.release();
        }
    }

    /** Takes every unconfirmed message, in publish order, to be published again; their permits stay taken. */
    List<M> drain() {
        List<M> messages = new ArrayList<>(unconfirmed.size());
        for (Map.Entry<Long, M> entry = unconfirmed.pollFirstEntry(); entry != null;
                entry = unconfirmed.pollFirstEntry()) {
            messages.add(entry.getValue());
        }
        return messages;
    }

    int size() {
        return unconfirmed.size();
    }
}
