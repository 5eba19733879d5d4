package dev.weblogs.amqp;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Connection;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.Retry;
import dev.weblogs.lifecycle.Stop;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a broken publishing channel: reconnects under the one retry policy, then publishes again, in
 * order, every message the broken channel left unconfirmed, each under its new sequence number. A message
 * whose confirm was lost is thus delivered twice, which the idempotent tables absorb. A channel broken by a
 * nack is replaced the same way, after a pause that gives a quorum queue time to elect a leader.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /** Sets up a confirming channel on a new connection. */
    @FunctionalInterface
    interface Opener {
        ConfirmingChannel open(Connection connection) throws IOException;
    }

    private final Broker broker;
    private final Opener opener;
    private final Stop stop;

    Recovery(Broker broker, Opener opener, Stop stop) {
        this.broker = broker;
        this.opener = opener;
        this.stop = stop;
    }

    /** A new channel holding every message {@code broken} did not confirm; the count is in {@link Replaced}. */
    Replaced replace(ConfirmingChannel broken) {
        List<Outgoing> pending = broken.drain();
        broken.abort();
        Retry retry = new Retry(stop);
        if (broken.wasNacked()) {
            log.warn("RabbitMQ refused lines (nack); publishing them again on a new connection ({} lines "
                    + "unconfirmed)", pending.size());
            if (!retry.pause()) {
                throw new Stop.Stopped("RabbitMQ at " + broker.address() + " refused lines");
            }
        } else {
            log.warn("lost the connection to RabbitMQ at {}; reconnecting ({} lines unconfirmed)", broker.address(),
                    pending.size());
        }
        long since = System.nanoTime();
        while (true) {
            ConfirmingChannel fresh = null;
            try {
                fresh = opener.open(broker.open(false));
                for (Outgoing message : pending) {
                    fresh.publish(message);
                }
                if (fresh.isBroken()) {
                    throw new IOException("the new connection closed while republishing");
                }
                log.info("reconnected to RabbitMQ at {} after {} s; republished {} unconfirmed lines",
                        broker.address(), Duration.ofNanos(System.nanoTime() - since).toSeconds(), pending.size());
                return new Replaced(fresh, pending.size());
            } catch (IOException | AlreadyClosedException e) {
                if (fresh != null) {
                    // What it confirmed is done; the rest waits, in order, for the next connection.
                    pending = fresh.drain();
                    fresh.abort();
                }
                log.debug("reconnecting failed: {}", Causes.rootMessage(e));
                if (!retry.pause()) {
                    throw new Stop.Stopped("RabbitMQ at " + broker.address() + " was unreachable");
                }
            }
        }
    }

    /** The channel that replaces a broken one, and how many messages were published on it again. */
    record Replaced(ConfirmingChannel channel, int republished) {
    }
}
