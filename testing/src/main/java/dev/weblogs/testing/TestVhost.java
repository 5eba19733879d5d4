package dev.weblogs.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.weblogs.config.BrokerSettings;
import dev.weblogs.config.QueueType;
import java.net.URI;
import java.util.List;

/** A vhost of the test broker that belongs to one test. */
public final class TestVhost implements AutoCloseable {

    private final String name;
    private final URI uri;
    private final Runnable delete;

    TestVhost(String name, URI uri, Runnable delete) {
        this.name = name;
        this.uri = uri;
        this.delete = delete;
    }

    public String name() {
        return name;
    }

    /** The AMQP URI of this vhost, user and password included, as RABBITMQ_URI takes it. */
    public URI uri() {
        return uri;
    }

    /** The vhost as the programs' settings name it: one node, classic queues. */
    public BrokerSettings settings() {
        return new BrokerSettings(List.of(uri), null, null, null, null, QueueType.CLASSIC);
    }

    /** A plain connection to the vhost, for a test to look at queues. */
    public Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        return factory.newConnection("test");
    }

    @Override
    public void close() {
        delete.run();
    }
}
