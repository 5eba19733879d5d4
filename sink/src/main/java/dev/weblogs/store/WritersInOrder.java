package dev.weblogs.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages written by several threads at once, each in a transaction of its own, that end in page order: while the
 * database stores one page, the next is bound and sent on another connection, where one thread would wait for
 * each in turn. A page's work asks, just before its commit, for the result of the page before it ({@link
 * Before#await}); a page's result thus includes every page before it, and progress saved with it covers only
 * pages committed already.
 *
 * <p>The page before may itself wait for a database lock this page holds: InnoDB cannot see a wait in Java, so
 * {@link Before#await} gives up after a patience and throws {@link NotYet}; the page's transaction then rolls
 * back, which frees the page before, and is written again.
 *
 * @param <T> what a page's work returns, given what the page before returned
 */
final class WritersInOrder<T> implements AutoCloseable {

    /** The work of one page, in its own transaction; calls {@link Before#await} before committing. */
    @FunctionalInterface
    interface PageWork<T> {
        T write(Before<T> before);
    }

    /** The result of the page before, once that page has ended. */
    interface Before<T> {
        /**
         * @throws NotYet         when the page before has not ended within the patience
         * @throws EarlierFailure when the page before failed: this page must not commit either
         */
        T await();
    }

    /** The page before has not ended within the patience: roll back, to free what it may wait for, and retry. */
    static final class NotYet extends RuntimeException {
        NotYet() {
            super("the page before has not committed yet", null, false, false);
        }
    }

    /** A page before failed; its own failure is the one reported. */
    static final class EarlierFailure extends RuntimeException {
        EarlierFailure() {
            super("a page before failed", null, false, false);
        }
    }

    private final ExecutorService threads;
    private final int writers;
    private final Duration patience;
    private final Deque<CompletableFuture<T>> inFlight = new ArrayDeque<>();
    private CompletableFuture<T> last;

    /**
     * @param start    what the page before the first one returned (the counts a resumed run starts with)
     * @param patience how long a page waits for the one before it before rolling back
     */
    WritersInOrder(int writers, T start, Duration patience, String threadName) {
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(writers, task -> {
            Thread thread = new Thread(task, threadName + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.writers = writers;
        this.patience = patience;
        this.last = CompletableFuture.completedFuture(start);
    }

    /**
     * Starts a page once fewer than {@code writers} are in flight, waiting for the oldest to end if need be.
     *
     * @return the results of the pages that ended meanwhile, oldest first
     * @throws RuntimeException what the oldest page failed with
     */
    List<T> submit(PageWork<T> work) throws InterruptedException {
        List<T> ended = new ArrayList<>();
        while (inFlight.size() >= writers) {
            ended.add(join(inFlight.removeFirst()));
        }
        CompletableFuture<T> before = last;
        last = CompletableFuture.supplyAsync(() -> work.write(() -> await(before)), threads);
        inFlight.addLast(last);
        return ended;
    }

    /** Waits for every page in flight to end: their results, oldest first. */
    List<T> drain() throws InterruptedException {
        List<T> ended = new ArrayList<>();
        while (!inFlight.isEmpty()) {
            ended.add(join(inFlight.removeFirst()));
        }
        return ended;
    }

    private T await(CompletableFuture<T> before) {
        try {
            return before.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotYet();
        } catch (ExecutionException e) {
            throw new EarlierFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EarlierFailure();
        }
    }

    private static <T> T join(CompletableFuture<T> page) throws InterruptedException {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** Waits for the pages in flight to end, without their results: after a failure, or a stop. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}
