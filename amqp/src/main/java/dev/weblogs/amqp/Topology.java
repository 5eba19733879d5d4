package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weblogs.config.QueueType;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The exchanges and queues of the pipeline, declared by every process at start. Declarations are idempotent,
 * so the programs can start in any order and none of them depends on another having run.
 */
public final class Topology {

    public static final String EXCHANGE = "topic-exchange-logs";
    public static final String ROUTING_KEY = "logs";
    public static final String DATA_LAKE_QUEUE = "queue-data-lake";
    public static final String DATA_CLEAN_QUEUE = "queue-data-clean";
    /**
     * Lines of the lake that the database refuses go here, routed by the name of their dead-letter queue: raw-log
     * is the only other place a line would be kept. The clean side records its rejected lines in a table.
     */
    public static final String DEAD_LETTER_EXCHANGE = "dead-letter-exchange-logs";
    /** Header of a dead-lettered message that says why. */
    public static final String REASON_HEADER = "x-reason";

    private static final List<String> QUEUES = List.of(DATA_LAKE_QUEUE, DATA_CLEAN_QUEUE);

    private final QueueType type;

    public Topology(QueueType type) {
        this.type = type;
    }

    private static final int BROKER_DELIVERY_LIMIT = 1000;

    /** {@code queue-data-lake} has {@code queue-data-lake-dead-letter}. */
    public static String deadLetterQueue(String queue) {
        return queue + "-dead-letter";
    }

    /**
     * Declares everything. An exchange or queue that exists with other properties (declared by something else,
     * by an older version, or of the other queue type) is reported as such, and so is a user the broker does not
     * let declare them, since only the user can decide what to change.
     */
    public void declare(Channel channel) throws IOException {
        try {
            declareAll(channel);
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close) {
                String reason = close.getReplyText().replaceFirst("^[A-Z_]+ - ", "");
                if (close.getReplyCode() == AMQP.PRECONDITION_FAILED && aboutTheQueueType(reason)) {
                    throw new ConfigurationException(Setting.QUEUE_TYPE, "RabbitMQ already has " + reason + ": let that "
                            + "queue drain and delete it, or declare the type it has");
                }
                if (close.getReplyCode() == AMQP.PRECONDITION_FAILED) {
                    throw new TopologyMismatchException("RabbitMQ already has " + reason
                            + ": delete it (its messages too) or use another vhost");
                }
                if (close.getReplyCode() == AMQP.ACCESS_REFUSED) {
                    throw new ConfigurationException(Setting.BROKER_URI, "RabbitMQ refuses what the program must do: "
                            + reason + " (the user needs configure, write and read permissions on the pipeline's "
                            + "exchanges and queues)");
                }
            }
            throw e;
        }
    }

    /** The broker names the type, or an argument only a queue of the other type has. */
    private boolean aboutTheQueueType(String reason) {
        String otherTypesArgument = type == QueueType.QUORUM ? "'x-queue-version'" : "'x-delivery-limit'";
        return reason.contains("'x-queue-type'") || reason.contains(otherTypesArgument);
    }

    private void declareAll(Channel channel) throws IOException {
        Map<String, Object> arguments = type == QueueType.QUORUM
                // The consumers set a line aside after 20 deliveries; the broker's own limit (20 by default from
                // RabbitMQ 4.0, none before) stays far above it, so that the broker never drops a line first.
                ? Map.of("x-queue-type", "quorum", "x-delivery-limit", BROKER_DELIVERY_LIMIT)
                // Classic queues of version 2 (RabbitMQ 3.10 and later; the default from 3.12): persistent messages
                // cost the broker less CPU than with version 1, and the broker is the pipeline's ceiling.
                : Map.of("x-queue-version", 2);
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        for (String queue : QUEUES) {
            channel.queueDeclare(queue, true, false, false, arguments);
            channel.queueBind(queue, EXCHANGE, ROUTING_KEY);
        }
        // An earlier version's queue-data-clean-dead-letter is neither declared nor deleted: it is the user's.
        String deadLetters = deadLetterQueue(DATA_LAKE_QUEUE);
        channel.queueDeclare(deadLetters, true, false, false, arguments);
        channel.queueBind(deadLetters, DEAD_LETTER_EXCHANGE, deadLetters);
    }

    /** The broker has an exchange or queue of the pipeline's name with other properties. */
    public static final class TopologyMismatchException extends RuntimeException {
        TopologyMismatchException(String message) {
            super(message);
        }
    }
}
