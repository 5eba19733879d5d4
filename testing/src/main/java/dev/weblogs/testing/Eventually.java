package dev.weblogs.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls for a condition the pipeline reaches asynchronously. */
public final class Eventually {

    private Eventually() {
    }

    /** The first value of {@code probe} that {@code done} accepts; the last one seen after {@code timeout}. */
    public static <T> T poll(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.call();
        }
        return value;
    }
}
