package dev.weblogs.producer;

import dev.weblogs.cli.Progress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One progress display for the logs shipped at once: each log's lines and bytes, added up. */
final class ProgressTotal implements AutoCloseable {

    private final Progress display;
    private final Map<Progress, long[]> parts = new ConcurrentHashMap<>();
    private boolean closed;

    ProgressTotal(Progress display) {
        this.display = display;
    }

    /** The progress of one log, which stays in the total once it is done. */
    Progress part() {
        return new Progress() {
            @Override
            public void update(long items, long done, long total) {
                parts.put(this, new long[] {items, done, total});
                show();
            }

            @Override
            public void close() {
                // the display is closed with the total
            }
        };
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        long items = 0;
        long done = 0;
        long total = 0;
        for (long[] part : parts.values()) {
            items += part[0];
            done += part[1];
            total += part[2];
        }
        display.update(items, done, total);
    }

    /** Ends the display; once, however often it is called. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            display.close();
        }
    }
}
