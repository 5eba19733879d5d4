package dev.weblogs.cli;

import dev.weblogs.failure.Backoff;
import dev.weblogs.failure.Causes;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up against services that may not be up yet (as under {@code docker compose up}): an unreachable
 * server is retried with backoff for a bounded time, anything else fails at once.
 */
public final class Startup {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** One try at reaching a service. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call() throws Exception;
    }

    private Startup() {
    }

    /**
     * Calls {@code attempt} until it succeeds, it fails in a way {@code unreachable} does not accept, or
     * {@code patience} has passed; then fails with one line about {@code setting}.
     */
    public static <T> T retry(String setting, String unreachableMessage, Duration patience, Attempt<T> attempt,
                              Predicate<Throwable> unreachable) {
        long deadline = System.nanoTime() + patience.toNanos();
        Backoff backoff = new Backoff(Duration.ofMillis(250), MAX_BACKOFF);
        boolean told = false;
        while (true) {
            try {
                return attempt.call();
            } catch (SettingException e) {
                throw e;
            } catch (Exception e) {
                if (!unreachable.test(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                }
                if (System.nanoTime() >= deadline) {
                    throw new SettingException(setting, unreachableMessage + " (" + Causes.rootMessage(e) + ")"
                            + (patience.isZero() ? "" : " after trying for " + patience.toSeconds() + " s"), e);
                }
                if (!told) {
                    log.info("{} ({}); retrying for up to {} s", unreachableMessage, Causes.rootMessage(e),
                            patience.toSeconds());
                    told = true;
                }
                pause(backoff);
            }
        }
    }

    private static void pause(Backoff backoff) {
        try {
            backoff.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedBeforeStartException();
        }
    }

    /** A stop request (SIGTERM, Ctrl-C) came while waiting for a server at start. */
    public static final class StoppedBeforeStartException extends RuntimeException {
        StoppedBeforeStartException() {
            super("stopped while waiting for a server to start");
        }
    }
}
