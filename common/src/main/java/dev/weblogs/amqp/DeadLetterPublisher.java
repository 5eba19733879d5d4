package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sets lines aside in a queue's dead-letter queue, each with the reason in its {@code x-reason} header,
 * and returns only once the broker has confirmed them all, so that the lines can then be acknowledged.
 *
 * <p>It publishes on a connection of its own: RabbitMQ blocks a connection that publishes while a memory or
 * disk alarm is on, and the consumer's acknowledgements, which free the broker, must not be blocked with it.
 */
public final class DeadLetterPublisher {

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    /** A line and why it can never be a row. */
    public record DeadLetter(byte[] body, String reason) {
    }

    private final Connection connection;
    private final String queue;
    private final String deadLetterQueue;
    private Channel channel;
    /** Set by the client's thread when a dead letter came back unroutable. */
    private volatile boolean unroutable;

    public DeadLetterPublisher(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
        this.deadLetterQueue = Topology.deadLetterQueue(queue);
    }

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /** @throws IOException when the broker did not take every one of them */
    public void publish(List<DeadLetter> deadLetters) throws IOException, InterruptedException {
        Channel ch = channel();
        for (DeadLetter dead : deadLetters) {
            AMQP.BasicProperties properties = MessageProperties.MINIMAL_PERSISTENT_BASIC.builder()
                    .headers(Map.of(Topology.REASON_HEADER, dead.reason(), "x-original-queue", queue))
                    .build();
            ch.basicPublish(Topology.DEAD_LETTER_EXCHANGE, deadLetterQueue, true, properties, dead.body());
        }
        boolean confirmed;
        try {
            confirmed = ch.waitForConfirms(CONFIRM_TIMEOUT_MILLIS);
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not confirm the dead letters within "
                    + CONFIRM_TIMEOUT_MILLIS / 1000 + " s");
        }
        if (!confirmed) {
            throw new IOException("RabbitMQ refused (nack) a dead letter");
        }
        if (unroutable) {
            unroutable = false;
            // Deleted while running: declared again for the redelivered lines.
            Topology.declare(ch);
            throw new IOException(deadLetterQueue + " was missing; it is declared again");
        }
    }

    /** A confirming channel; a new one after the broker closed the last (an exchange deleted, say). */
    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.addReturnListener(returned -> unroutable = true);
            Topology.declare(channel);
        }
        return channel;
    }
}
