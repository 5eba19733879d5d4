package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weblogs.message.Acknowledger;
import dev.weblogs.message.Delivery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of one queue, as {@link Delivery deliveries} to whoever stores them, and their acknowledgements
 * back to the broker. It knows nothing of tables. The connection recovers by itself (the client library's
 * recovery); a consumer the broker cancels, or a channel it closes, is a failure that needs a restart.
 */
public final class DeliverySource implements Acknowledger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliverySource.class);

    private final Connection connection;
    private final Topology topology;
    private final String queue;
    private final int prefetch;
    private final MeterRegistry metrics;
    private Channel channel;
    /** For the queue-depth gauge only: a failed call must not close the channel that consumes. */
    private Channel depthChannel;
    private String consumerTag;

    /** @param connection a recovering connection, used by this source alone */
    public DeliverySource(Connection connection, Topology topology, String queue, int prefetch, MeterRegistry metrics) {
        this.connection = connection;
        this.topology = topology;
        this.queue = queue;
        this.prefetch = prefetch;
        this.metrics = metrics;
    }

    /**
     * Declares the topology and starts consuming.
     *
     * @param onDelivery told of each delivery, in order, on the client's delivery thread
     * @param onFailure  told why, when the broker stops delivering for good
     */
    public void start(Consumer<Delivery> onDelivery, Consumer<String> onFailure) throws IOException {
        channel = connection.createChannel();
        topology.declare(channel);
        channel.basicQos(prefetch);
        depthChannel = connection.createChannel();
        Gauge.builder("weblogs.queue.messages", this, DeliverySource::queueDepth).tag("queue", queue)
                .description("messages ready in the queue: how far the consumer is behind").register(metrics);
        consumerTag = channel.basicConsume(queue, false, connection.getClientProvidedName(),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) {
                        onDelivery.accept(new Delivery(envelope.getDeliveryTag(), body, properties.getMessageId(),
                                deliveryCount(properties)));
                    }

                    @Override
                    public void handleCancel(String tag) {
                        onFailure.accept("RabbitMQ stopped delivering " + queue + " (was the queue deleted?)");
                    }

                    @Override
                    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
                        // A lost connection is recovered by the client; a channel closed by the broker is not.
                        if (!signal.isHardError() && !signal.isInitiatedByApplication()) {
                            onFailure.accept("RabbitMQ closed the channel consuming " + queue + ": "
                                    + signal.getMessage());
                        }
                    }
                });
    }

    /** Earlier deliveries of a message, as quorum queues count them; 0 where the queue does not. */
    private static int deliveryCount(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        Object count = headers == null ? null : headers.get("x-delivery-count");
        return count instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public void acknowledgeUpTo(long tag) {
        try {
            channel.basicAck(tag, true);
        } catch (IOException | AlreadyClosedException e) {
            // The channel is gone, and with it the deliveries: the broker delivers them again.
            log.debug("acknowledging: {}", e.getMessage());
        }
    }

    @Override
    public void requeueUpTo(long tag) {
        try {
            channel.basicNack(tag, true, true);
        } catch (IOException | AlreadyClosedException e) {
            log.debug("requeueing: {}", e.getMessage());
        }
    }

    /** Stops the deliveries; those received stay to be acknowledged. */
    public void cancel() {
        try {
            if (consumerTag != null && channel.isOpen()) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.debug("cancel: {}", e.getMessage());
        }
    }

    public boolean isConnected() {
        return connection.isOpen() && channel != null && channel.isOpen();
    }

    private synchronized double queueDepth() {
        try {
            return depthChannel.isOpen() ? depthChannel.messageCount(queue) : Double.NaN;
        } catch (IOException | AlreadyClosedException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        metrics.find("weblogs.queue.messages").tag("queue", queue).meters().forEach(metrics::remove);
        for (Channel c : new Channel[] {channel, depthChannel}) {
            try {
                if (c != null && c.isOpen()) {
                    c.close();
                }
            } catch (IOException | TimeoutException | AlreadyClosedException e) {
                log.debug("closing a channel: {}", e.getMessage());
            }
        }
    }
}
