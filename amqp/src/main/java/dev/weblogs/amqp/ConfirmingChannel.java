package dev.weblogs.amqp;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One connection and its publishing channel in confirm mode, with the messages it has not confirmed yet.
 * It is broken for good once the broker closes the channel or the connection, or nacks a message; the
 * messages it still holds, the nacked ones with them, are then {@linkplain #drain() drained} and published
 * again on a new one.
 */
final class ConfirmingChannel {

    private final Connection connection;
    private final Channel channel;
    private final ConfirmTracker<Outgoing> tracker;
    private volatile boolean broken;
    private volatile boolean nacked;

    private ConfirmingChannel(Connection connection, Channel channel, ConfirmTracker<Outgoing> tracker) {
        this.connection = connection;
        this.channel = channel;
        this.tracker = tracker;
    }

    /**
     * Opens the channel on {@code connection} and declares the topology.
     *
     * @param onConfirmed told of each confirmed message
     * @param onNacked    told when the broker nacks messages (they stay here, to be published again)
     * @param onRefused   told why, when the broker refuses for good what the program does
     * @param onReturned  told why, when the broker cannot route a message
     */
    static ConfirmingChannel open(Connection connection, Topology topology, Semaphore window,
                                  Consumer<Outgoing> onConfirmed, Runnable onNacked,
                                  Consumer<String> onRefused, Consumer<String> onReturned) throws IOException {
        Channel channel = connection.createChannel();
        ConfirmingChannel confirming = new ConfirmingChannel(connection, channel,
                new ConfirmTracker<>(window, onConfirmed));
        // Installed before anything can go wrong: a listener added to a channel already closed runs at once.
        channel.addShutdownListener(cause -> {
            confirming.broken = true;
            // The broker refusing this user's publishing is not a lost connection: reconnecting cannot help.
            if (cause.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close
                    && close.getReplyCode() == com.rabbitmq.client.AMQP.ACCESS_REFUSED) {
                onRefused.accept("RabbitMQ refuses what the program must do: " + close.getReplyText()
                        .replaceFirst("^[A-Z_]+ - ", "") + " (the user needs write permission on " + Topology.EXCHANGE + ")");
            }
        });
        connection.addShutdownListener(cause -> confirming.broken = true);
        channel.confirmSelect();
        // A quorum queue nacks what it could not take while it has no leader (a node lost): published again on
        // a new connection, which may reach another node. The nacked messages stay tracked until then.
        channel.addConfirmListener((seq, multiple) -> confirming.tracker.confirm(seq, multiple),
                (seq, multiple) -> {
                    confirming.nacked = true;
                    confirming.broken = true;
                    onNacked.run();
                });
        channel.addReturnListener(returned -> onReturned.accept("a line was unroutable (" + returned.getReplyText()
                + "): no queue is bound to exchange '" + Topology.EXCHANGE + "' with routing key '"
                + Topology.ROUTING_KEY + "'"));
        topology.declare(channel);
        return confirming;
    }

    /** Publishes {@code message}; if that fails, it stays unconfirmed here, for {@link #drain()}. */
    void publish(Outgoing message) {
        // Tracked first: its confirm may arrive before basicPublish returns.
        tracker.track(channel.getNextPublishSeqNo(), message);
        try {
            channel.basicPublish(Topology.EXCHANGE, Topology.ROUTING_KEY, true, message.properties(), message.body());
        } catch (IOException | AlreadyClosedException e) {
            broken = true;
        }
    }

    boolean isBroken() {
        return broken || !channel.isOpen();
    }

    /** Whether it broke because the broker nacked a message, rather than by a lost connection. */
    boolean wasNacked() {
        return nacked;
    }

    int unconfirmed() {
        return tracker.size();
    }

    /** Every message not confirmed, in publish order; none of them will be confirmed here any more. */
    List<Outgoing> drain() {
        broken = true;
        return tracker.drain();
    }

    /** Closes the connection without waiting for the broker. */
    void abort() {
        connection.abort(2_000);
    }

    /** Closes the connection cleanly, letting last confirms arrive. */
    void close() throws IOException {
        if (connection.isOpen()) {
            connection.close(5_000);
        }
    }
}
