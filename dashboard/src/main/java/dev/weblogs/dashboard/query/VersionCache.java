package dev.weblogs.dashboard.query;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Answers computed for the model's current version, shared by every page asking the same: ten pages on the
 * same view cost one computation per change. Concurrent askers of one key wait for the first one's answer. A
 * newer version empties it, since nothing older can be asked for again.
 */
final class VersionCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, FutureTask<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long version = -1;

    VersionCache(int capacity) {
        this.capacity = capacity;
    }

    V get(long askedVersion, K key, Supplier<V> compute) {
        FutureTask<V> task;
        boolean mine = false;
        synchronized (this) {
            if (askedVersion > version) {
                entries.clear();
                version = askedVersion;
            }
            task = entries.get(key);
            if (task == null) {
                task = new FutureTask<>(compute::get);
                entries.put(key, task);
                mine = true;
                Iterator<K> eldest = entries.keySet().iterator();
                while (entries.size() > capacity) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                entries.remove(key, task);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query", e);
        }
    }
}
