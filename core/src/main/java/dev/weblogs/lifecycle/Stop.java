package dev.weblogs.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one way a program is asked to stop (SIGTERM, Ctrl-C, a failure that needs a restart): everything that
 * waits, waits on this, so a stop request ends the wait at once. No thread is ever interrupted, since an
 * interrupt that lands inside a JDBC or socket call can close the connection under it.
 */
public final class Stop {

    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /**
     * Waits for {@code duration} unless a stop is requested first.
     *
     * @return whether the whole duration passed without a stop request
     */
    public boolean pause(Duration duration) {
        try {
            return !requested.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Nothing here interrupts; a caller's own interrupt is kept and counts as a stop.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until a stop is requested. */
    public void await() {
        while (!isRequested()) {
            pause(Duration.ofDays(1));
        }
    }

    /** Throws {@link Stopped} when a stop has been requested. */
    public void check(String whileDoing) {
        if (isRequested()) {
            throw new Stopped(whileDoing);
        }
    }

    /** A wait or a retry ended by a stop request. */
    public static final class Stopped extends RuntimeException {
        public Stopped(String whileDoing) {
            super("stopped while " + whileDoing, null, false, false);
        }
    }
}
