package dev.weblogs.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the bench has to undo (programs it started, vhosts and databases it created), newest first. Each
 * resource closes itself on the normal path and is then forgotten; whatever is left when the JVM exits
 * (SIGTERM, Ctrl-C) is closed by a shutdown hook, so no process, vhost or database outlives a run. Once
 * the hook has begun, a new resource is closed as soon as it is registered.
 */
final class Cleanup {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private boolean stopping;

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "bench-cleanup"));
    }

    /**
     * @throws IllegalStateException when the bench is stopping; the resource is then already closed
     */
    <T extends AutoCloseable> T register(T resource) {
        synchronized (this) {
            if (!stopping) {
                open.push(resource);
                return resource;
            }
        }
        close(resource);
        throw new IllegalStateException("the bench is stopping");
    }

    synchronized void forget(AutoCloseable resource) {
        open.remove(resource);
    }

    /** Whether the JVM is exiting, its resources being closed by the hook. */
    synchronized boolean stopping() {
        return stopping;
    }

    private void closeAll() {
        synchronized (this) {
            stopping = true;
        }
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = open.poll();
            }
            if (next == null) {
                return;
            }
            close(next);
        }
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("bench: cleaning up " + resource + " failed: " + e.getMessage());
        }
    }
}
