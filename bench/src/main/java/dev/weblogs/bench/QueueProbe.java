package dev.weblogs.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.weblogs.amqp.Topology;
import dev.weblogs.config.QueueType;
import java.net.URI;

/**
 * The pipeline's queues in a vhost, seen over AMQP: exact message and consumer counts, where the management
 * API's are sampled every few seconds. Declares the pipeline's topology first (as every program does), so
 * the queues exist whichever program starts first.
 */
final class QueueProbe implements AutoCloseable {

    record Depth(long messages, int consumers) {
    }

    private final Connection connection;
    private final Channel channel;

    private QueueProbe(Connection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
    }

    static QueueProbe open(URI vhost) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(vhost);
        Connection connection = factory.newConnection("weblogs-bench");
        try {
            Channel channel = connection.createChannel();
            new Topology(QueueType.CLASSIC).declare(channel);
            return new QueueProbe(connection, channel);
        } catch (Exception e) {
            connection.abort();
            throw e;
        }
    }

    synchronized Depth depth(String queue) throws Exception {
        AMQP.Queue.DeclareOk queueState = channel.queueDeclarePassive(queue);
        return new Depth(queueState.getMessageCount(), queueState.getConsumerCount());
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
