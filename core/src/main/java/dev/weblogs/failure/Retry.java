package dev.weblogs.failure;

import dev.weblogs.lifecycle.Stop;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one retry policy of the pipeline: the first retry after 250 ms, each later one twice as far apart, at
 * most 5 s; every wait ends at once on a stop request. A server not up yet at start, a lost broker
 * connection, a database outage and the broker client's own connection recovery all follow it.
 */
public final class Retry {

    public static final Duration FIRST_DELAY = Duration.ofMillis(250);
    public static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /** One try at something that may fail for a while. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call() throws Exception;
    }

    private final Stop stop;
    private int failures;

    /** A run of attempts: {@link #pause()} after each failure waits longer than the last. */
    public Retry(Stop stop) {
        this.stop = stop;
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public static Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * Waits before the next attempt.
     *
     * @return false when a stop was requested instead
     */
    public boolean pause() {
        return stop.pause(delayAfter(++failures));
    }

    /** Failures in a row so far. */
    public int failures() {
        return failures;
    }

    /**
     * Calls {@code attempt} until it succeeds. A failure {@code retryable} accepts is retried for up to
     * {@code patience}, then thrown; any other failure is thrown at once.
     *
     * @param onFirstRetry told once, before the first wait, for a log line
     * @throws Stop.Stopped when a stop is requested while waiting
     */
    public static <T> T call(Attempt<T> attempt, Predicate<Exception> retryable, Duration patience, Stop stop,
                             String whileDoing, java.util.function.Consumer<Exception> onFirstRetry) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Retry retry = new Retry(stop);
        while (true) {
            try {
                return attempt.call();
            } catch (Exception e) {
                if (!retryable.test(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                if (retry.failures() == 0) {
                    onFirstRetry.accept(e);
                }
                if (!retry.pause()) {
                    throw new Stop.Stopped(whileDoing);
                }
            }
        }
    }
}
