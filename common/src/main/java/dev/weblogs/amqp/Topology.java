package dev.weblogs.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;

/**
 * The exchanges and queues of the pipeline, declared by every process at start. Declarations are
 * idempotent, so the programs can start in any order and none of them depends on another having run.
 */
public final class Topology {

    public static final String EXCHANGE = "topic-exchange-logs";
    public static final String ROUTING_KEY = "logs";
    public static final String DATA_LAKE_QUEUE = "queue-data-lake";
    public static final String DATA_CLEAN_QUEUE = "queue-data-clean";
    /** Lines that can never become a row go here, routed by the name of their dead-letter queue. */
    public static final String DEAD_LETTER_EXCHANGE = "dead-letter-exchange-logs";
    /** Header of a dead-lettered message that says why. */
    public static final String REASON_HEADER = "x-reason";

    private static final List<String> QUEUES = List.of(DATA_LAKE_QUEUE, DATA_CLEAN_QUEUE);

    private Topology() {
    }

    /** {@code queue-data-clean} has {@code queue-data-clean-dead-letter}. */
    public static String deadLetterQueue(String queue) {
        return queue + "-dead-letter";
    }

    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        for (String queue : QUEUES) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, EXCHANGE, ROUTING_KEY);
            String deadLetters = deadLetterQueue(queue);
            channel.queueDeclare(deadLetters, true, false, false, null);
            channel.queueBind(deadLetters, DEAD_LETTER_EXCHANGE, deadLetters);
        }
    }
}
