package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import dev.weblogs.lifecycle.Stop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Publishes lines as persistent messages with publisher confirms, at most {@code window} unconfirmed:
 * throughput without a round trip per line, memory bounded whatever the file size. Each line's callback runs
 * once the broker has confirmed it; the publisher knows nothing of files or positions.
 *
 * <p>A lost connection is {@linkplain Recovery recovered} at the next publish, unconfirmed lines published
 * again; so is a nack (a quorum queue without a leader for a moment, a queue full that rejects publishes),
 * until the broker has nacked for {@link #NACK_PATIENCE} without confirming a line. That, or an unroutable
 * line, stops the publisher for good: the broker did not take the line, and going on would lose it. From
 * then on no callback runs, so a caller's record of what is confirmed stops before the refused line.
 *
 * <p>Several threads may publish at once (one per log file): the window's permits go to them in turn, so a
 * busy file does not starve a quiet one, and a line goes out on the channel under one lock, which keeps the
 * channel's sequence numbers in step with what is tracked.
 */
public final class Publisher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    /** How long the broker may nack lines, confirming none, before the publisher gives up. */
    static final Duration NACK_PATIENCE = Duration.ofSeconds(60);
    private static final long NOT_NACKED = Long.MIN_VALUE;

    private final Stop stop;
    private final Topology topology;
    private final Semaphore window;
    private final int windowSize;
    private final Recovery recovery;
    private final Counter published;
    private final Counter confirmed;
    private final Counter republished;
    private final Counter nacked;
    private final Counter returned;
    private volatile ConfirmingChannel current;
    private volatile String refusal;
    private volatile long nackedSince = NOT_NACKED;

    private final Object channelLock = new Object();

    /** Connects, waiting up to {@code patience} for a broker that is not up yet. */
    public Publisher(Broker broker, int windowSize, Duration patience, Stop stop, MeterRegistry metrics) {
        this.stop = stop;
        this.windowSize = windowSize;
        this.topology = broker.topology();
        this.window = new Semaphore(windowSize, true);
        this.published = metrics.counter("weblogs.lines.published");
        this.confirmed = metrics.counter("weblogs.lines.confirmed");
        this.republished = metrics.counter("weblogs.lines.republished");
        this.nacked = metrics.counter("weblogs.lines.nacked");
        this.returned = metrics.counter("weblogs.lines.returned");
        Gauge.builder("weblogs.lines.unconfirmed", this, Publisher::unconfirmed).register(metrics);
        this.recovery = new Recovery(broker, this::open, stop);
        Connection first = broker.connect(patience, false);
        try {
            current = open(first);
        } catch (IOException e) {
            first.abort(2_000);
            throw new UncheckedIOException("cannot set up a channel on RabbitMQ at " + broker.address(), e);
        }
    }

    private ConfirmingChannel open(Connection connection) throws IOException {
        return ConfirmingChannel.open(connection, topology, window, this::confirmed, this::nacked,
                reason -> refused(nacked, reason), reason -> refused(returned, reason));
    }

    private void confirmed(Outgoing message) {
        if (nackedSince != NOT_NACKED) {
            nackedSince = NOT_NACKED;
        }
        if (refusal == null) {
            confirmed.increment();
            message.onConfirmed().run();
        }
    }

    /** On the connection's thread: the nacked lines are published again when the channel is replaced. */
    private void nacked() {
        nacked.increment();
        long now = System.nanoTime();
        long since = nackedSince;
        if (since == NOT_NACKED) {
            nackedSince = now;
        } else if (now - since > NACK_PATIENCE.toNanos() && refusal == null) {
            refusal = "RabbitMQ refused lines (nack) for " + NACK_PATIENCE.toSeconds() + " s without "
                    + "confirming any: they are not stored; a queue may be full and reject publishes, or the broker "
                    + "out of resources";
        }
    }

    private void refused(Counter counter, String reason) {
        if (refusal == null) {
            refusal = reason;
        }
        counter.increment();
    }

    /**
     * Publishes one line, blocking while the window of unconfirmed lines is full.
     *
     * @param messageId   the line's occurrence key; {@code null} for none
     * @param onConfirmed runs once the broker has confirmed the line, on the connection's thread: keep it short
     * @throws PublishException when the broker refused or could not route an earlier line
     * @throws Stop.Stopped     when a stop is requested while waiting
     */
    public void publish(byte[] body, String messageId, Runnable onConfirmed) {
        throwIfRefused();
        while (!acquirePermit()) {
            throwIfRefused();
            stop.check("waiting for RabbitMQ to confirm lines");
            recoverIfBroken();
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(messageId)
                .build();
        synchronized (channelLock) {
            // A line is tracked by the sequence number of the channel it goes out on: reconnect first.
            recoverIfBroken();
            current.publish(new Outgoing(body, properties, onConfirmed));
        }
        published.increment();
    }

    private boolean acquirePermit() {
        try {
            return window.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop.Stopped("waiting for RabbitMQ to confirm lines");
        }
    }

    /**
     * Waits until every published line is confirmed, for at most {@code timeout}, reconnecting if needed.
     *
     * @return whether every line is confirmed
     * @throws PublishException when the broker refused or could not route a line
     */
    public boolean awaitConfirms(Duration timeout) {
        return awaitConfirmed(() -> window.availablePermits() == windowSize, timeout);
    }

    /**
     * Waits until {@code confirmed} says that the lines a caller published are confirmed (those of one file),
     * for at most {@code timeout}, reconnecting if needed.
     *
     * @return whether they are
     * @throws PublishException when the broker refused or could not route a line
     */
    public boolean awaitConfirmed(BooleanSupplier confirmed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                throwIfRefused();
                recoverIfBroken();
                if (confirmed.getAsBoolean()) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } catch (Stop.Stopped e) {
            return false;
        }
    }

    /** Call now and then while idle, so that a lost connection is noticed and recovered. */
    public void maintain() {
        throwIfRefused();
        recoverIfBroken();
    }

    private void recoverIfBroken() {
        if (current.isBroken()) {
            synchronized (channelLock) {
                if (current.isBroken()) {
                    Recovery.Replaced replaced = recovery.replace(current);
                    current = replaced.channel();
                    republished.increment(replaced.republished());
                }
            }
        }
    }

    private void throwIfRefused() {
        if (refusal != null) {
            throw new PublishException(refusal);
        }
    }

    public int unconfirmed() {
        return windowSize - window.availablePermits();
    }

    public boolean isConnected() {
        return !current.isBroken();
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
