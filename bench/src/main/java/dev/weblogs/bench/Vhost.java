package dev.weblogs.bench;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/** A vhost of the bench's own, deleted (with every queue and message in it) when closed. */
final class Vhost implements AutoCloseable {

    private final String name;
    private final URI uri;
    private final RabbitManagement management;
    private final Cleanup cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();

    Vhost(String name, URI uri, RabbitManagement management, Cleanup cleanup) {
        this.name = name;
        this.uri = uri;
        this.management = management;
        this.cleanup = cleanup;
    }

    /** The AMQP URI of this vhost, user and password included, as RABBITMQ_URI takes it. */
    URI uri() {
        return uri;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cleanup.forget(this);
            management.deleteVhost(name);
        }
    }

    @Override
    public String toString() {
        return "vhost " + name;
    }
}
