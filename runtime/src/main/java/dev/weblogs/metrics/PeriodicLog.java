package dev.weblogs.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a one-line summary at a fixed period, for operators watching a terminal or a log collector. */
public final class PeriodicLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("summary");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "summary");
        thread.setDaemon(true);
        return thread;
    });

    public PeriodicLog(Duration period, Supplier<String> summary) {
        timer.scheduleAtFixedRate(() -> log.info(summary.get()), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
