package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weblogs.message.Rejection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sets lines aside in a queue's dead-letter queue, each with the reason in its {@code x-reason} header, and
 * returns only once the broker has confirmed them all, so that the lines can then be acknowledged.
 *
 * <p>It publishes on a connection of its own: RabbitMQ blocks a connection that publishes while a memory or
 * disk alarm is on, and the consumer's acknowledgements, which free the broker, must not be blocked with it.
 */
public final class DeadLetterPublisher {

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final Connection connection;
    private final Topology topology;
    private final String queue;
    private final String deadLetterQueue;
    private Channel channel;
    /** Set by the client's thread when a dead letter came back unroutable. */
    private volatile boolean unroutable;

    public DeadLetterPublisher(Connection connection, Topology topology, String queue) {
        this.connection = connection;
        this.topology = topology;
        this.queue = queue;
        this.deadLetterQueue = Topology.deadLetterQueue(queue);
    }

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * Publishes the lines and waits for their confirms.
     *
     * @throws IOException when the broker did not take every one of them, whatever the cause (a closed
     *                     channel or connection included)
     */
    public void publish(List<Rejection> rejections) throws IOException {
        try {
            Channel ch = channel();
            for (Rejection rejection : rejections) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .messageId(rejection.occurrenceKey())
                        .headers(Map.of(Topology.REASON_HEADER, rejection.reason(), "x-original-queue", queue))
                        .build();
                ch.basicPublish(Topology.DEAD_LETTER_EXCHANGE, deadLetterQueue, true, properties, rejection.line());
            }
            if (!ch.waitForConfirms(CONFIRM_TIMEOUT_MILLIS)) {
                throw new IOException("RabbitMQ refused (nack) a dead letter");
            }
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not confirm the dead letters within "
                    + CONFIRM_TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (ShutdownSignalException e) {
            // The channel or connection closed while waiting: the caller puts the lines back in the queue.
            throw new IOException("the dead-letter channel closed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for dead-letter confirms", e);
        }
        if (unroutable) {
            unroutable = false;
            // Deleted while running: declared again for the redelivered lines.
            topology.declare(channel);
            throw new IOException(deadLetterQueue + " was missing; it is declared again");
        }
    }

    /** A confirming channel; a new one after the broker closed the last (an exchange deleted, say). */
    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.addReturnListener(returned -> unroutable = true);
            topology.declare(channel);
        }
        return channel;
    }
}
