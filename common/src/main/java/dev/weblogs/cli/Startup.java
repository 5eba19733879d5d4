package dev.weblogs.cli;

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
        Duration backoff = Duration.ofMillis(250);
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
                    throw new SettingException(setting, unreachableMessage + " (" + rootCause(e) + ")"
                            + (patience.isZero() ? "" : " after trying for " + patience.toSeconds() + " s"), e);
                }
                if (!told) {
                    log.info("{} ({}); retrying for up to {} s", unreachableMessage, rootCause(e),
                            patience.toSeconds());
                    told = true;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The innermost message of an exception chain: the one that says what actually happened. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return Secrets.mask(message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to start", e);
        }
    }
}
