package dev.weblogs.dashboard.model;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The one copy of {@code clean-log} that every open page reads. Writes (a second's new and changed rows) take
 * the write lock for milliseconds; each query reads under the read lock, so it sees one version throughout.
 */
public final class LogModel {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private LogTable table;
    private long version;
    /** Which table: a reload starts a new one, and answers about the old one's agents are dropped. */
    private int generation;
    private volatile boolean ready;

    public LogModel() {
        this.table = new LogTable(0);
    }

    /** Empties the model before a (re)load, sized for {@code expectedRows}; not ready until {@link #markReady}. */
    public void reset(int expectedRows) {
        lock.writeLock().lock();
        try {
            ready = false;
            table = new LogTable(expectedRows);
            generation++;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Stores the current state of {@code rows} and forgets the rows of {@code removedIds}. */
    public void apply(Collection<LogRow> rows, Collection<String> removedIds) {
        if (rows.isEmpty() && removedIds.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            rows.forEach(table::put);
            removedIds.forEach(table::remove);
            table.settle();
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        if (ready) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Up to {@code max} user agents awaiting their browser and OS, and the code of the first. */
    public record Unresolved(int generation, int from, List<String> agents) {
    }

    public Unresolved unresolved(int max) {
        lock.readLock().lock();
        try {
            return new Unresolved(generation, table.firstUnresolved(), table.unresolved(max));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stores what {@link UserAgents} said of the agents {@link #unresolved} gave. */
    public void resolved(Unresolved asked, List<UserAgents.Agent> agents) {
        lock.writeLock().lock();
        try {
            if (asked.generation() == generation) {
                table.resolved(asked.from(), agents);
            }
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        if (ready) {
            listeners.forEach(Runnable::run);
        }
    }

    /** The whole table is loaded: queries answer from now on. */
    public void markReady() {
        ready = true;
        listeners.forEach(Runnable::run);
    }

    public boolean isReady() {
        return ready;
    }

    /** Runs {@code query} on one consistent version of the rows. */
    public <T> T read(Function<Frame, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(table.frame(version));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@code listener} runs after every change once the model is ready (on the writer's thread: keep it short). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
