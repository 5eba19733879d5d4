package dev.weblogs.amqp;

import dev.weblogs.failure.Backoff;
import dev.weblogs.failure.Causes;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes lines as persistent messages with publisher confirms, keeping at most {@code window} lines
 * unconfirmed: throughput without one blocking round trip per line, memory bounded whatever the file size.
 *
 * <p>Every unconfirmed line is kept until the broker confirms it. When the connection drops, the publisher
 * reconnects with backoff and republishes all of them, in order; a line whose confirm was lost may thus be
 * delivered twice, which the idempotent tables absorb. A nack or an unroutable line stops the run: the
 * broker did not take it, and pretending otherwise would lose it.
 *
 * <p>Positions are opaque to the publisher: the caller gives each line the offset where it starts and the
 * one after it ends, and {@link #confirmedPosition()} says up to where every line is confirmed.
 */
public final class LogPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogPublisher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Pending(byte[] body, long start, long end) {
    }

    private final Broker broker;
    private final Semaphore permits;
    private final Object lock = new Object();
    /** Unconfirmed lines by publish sequence number of the current channel; guarded by {@code lock}. */
    private final NavigableMap<Long, Pending> unconfirmed = new TreeMap<>();
    private final Counter published;
    private final Counter confirmed;
    private final Counter republished;
    private final Counter nacked;
    private final Counter returned;

    private Connection connection;
    private Channel channel;
    /** Bumped on every new channel, so late callbacks of an old one are ignored. */
    private volatile long generation;
    private long lastEnd;
    private volatile boolean broken;
    private volatile boolean stopping;
    private volatile String failure;
    private long positionAtFailure;

    public LogPublisher(Broker broker, int window, Duration patience, MeterRegistry metrics) {
        this.broker = broker;
        this.permits = new Semaphore(window);
        this.published = metrics.counter("weblogs.lines.published");
        this.confirmed = metrics.counter("weblogs.lines.confirmed");
        this.republished = metrics.counter("weblogs.lines.republished");
        this.nacked = metrics.counter("weblogs.lines.nacked");
        this.returned = metrics.counter("weblogs.lines.returned");
        Gauge.builder("weblogs.lines.unconfirmed", this, p -> p.unconfirmedCount()).register(metrics);
        Connection first = broker.connect(patience, false);
        synchronized (lock) {
            try {
                useConnection(first);
            } catch (IOException e) {
                closeQuietly(first);
                throw new IllegalStateException("cannot set up a channel on RabbitMQ at " + broker.address()
                        + ": " + Causes.rootMessage(e), e);
            }
        }
    }

    /** Sets up a confirming channel on {@code c} and declares the topology. The caller holds {@code lock}. */
    private void useConnection(Connection c) throws IOException {
        Channel ch = c.createChannel();
        ch.confirmSelect();
        Topology.declare(ch);
        long gen = generation + 1;
        // From now on, callbacks of earlier channels are ignored.
        generation = gen;
        ch.addConfirmListener((seq, multiple) -> onConfirm(gen, seq, multiple, true),
                (seq, multiple) -> onConfirm(gen, seq, multiple, false));
        ch.addReturnListener(r -> onReturn(gen, r.getReplyText()));
        // The broker may close the channel alone (an exchange deleted) or the whole connection.
        ShutdownListener lost = cause -> {
            if (gen == generation && !cause.isInitiatedByApplication()) {
                broken = true;
            }
        };
        ch.addShutdownListener(lost);
        c.addShutdownListener(lost);
        connection = c;
        channel = ch;
    }

    /**
     * Publishes one line, blocking while the window of unconfirmed lines is full.
     *
     * @param start position of the line's first byte
     * @param end   position just after the line (and its terminator)
     * @throws PublishException when the broker refused or could not route an earlier line
     */
    public void publish(byte[] body, long start, long end) throws InterruptedException {
        while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            maintain();
        }
        // Reconnect first: a line is keyed by the sequence number of the channel it goes out on.
        maintain();
        synchronized (lock) {
            lastEnd = end;
            unconfirmed.put(channel.getNextPublishSeqNo(), new Pending(body, start, end));
            published.increment();
            try {
                channel.basicPublish(Topology.EXCHANGE, Topology.ROUTING_KEY, true,
                        MessageProperties.MINIMAL_PERSISTENT_BASIC, body);
            } catch (IOException | AlreadyClosedException e) {
                // Kept in unconfirmed: the reconnection publishes it again.
                broken = true;
            }
        }
    }

    /** Reconnects and republishes if the connection was lost; call it now and then while idle. */
    public void maintain() throws InterruptedException {
        throwIfFailed();
        if (broken) {
            reconnect();
        }
    }

    /**
     * Waits until every published line is confirmed, for at most {@code timeout}, reconnecting if needed.
     *
     * @return whether every line is confirmed
     */
    public boolean awaitConfirms(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            maintain();
            synchronized (lock) {
                long left = deadline - System.nanoTime();
                if (unconfirmed.isEmpty() || left <= 0) {
                    return unconfirmed.isEmpty();
                }
                lock.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    /** The position up to which every line is confirmed, i.e. safely in the broker's queues. */
    public long confirmedPosition() {
        synchronized (lock) {
            if (failure != null) {
                return positionAtFailure;
            }
            return unconfirmed.isEmpty() ? lastEnd : unconfirmed.firstEntry().getValue().start();
        }
    }

    /**
     * Gives up waiting for the broker: a reconnection under way, or a later one, fails at once, so that a
     * stop request is honoured even while RabbitMQ is unreachable. Unconfirmed lines stay unconfirmed.
     */
    public void stop() {
        stopping = true;
    }

    /** Declares where the next line starts, for a caller that resumes or skips (a new file, a resumed one). */
    public void startAt(long position) {
        synchronized (lock) {
            if (!unconfirmed.isEmpty()) {
                throw new IllegalStateException("lines of the previous position are still unconfirmed");
            }
            lastEnd = position;
        }
    }

    public int unconfirmedCount() {
        synchronized (lock) {
            return unconfirmed.size();
        }
    }

    public boolean isConnected() {
        return !broken && connection != null && connection.isOpen();
    }

    private void onConfirm(long gen, long seq, boolean multiple, boolean ack) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            if (!ack) {
                nacked.increment();
                fail("RabbitMQ refused a line (nack): it is not stored; the broker may be out of resources");
                return;
            }
            int count;
            if (multiple) {
                NavigableMap<Long, Pending> done = unconfirmed.headMap(seq, true);
                count = done.size();
                done.clear();
            } else {
                count = unconfirmed.remove(seq) == null ? 0 : 1;
            }
            confirmed.increment(count);
            permits.release(count);
            lock.notifyAll();
        }
    }

    private void onReturn(long gen, String replyText) {
        synchronized (lock) {
            if (gen == generation) {
                returned.increment();
                fail("a line was unroutable (" + replyText + "): no queue is bound to exchange '"
                        + Topology.EXCHANGE + "' with routing key '" + Topology.ROUTING_KEY + "'");
            }
        }
    }

    /** The caller holds {@code lock}. The line that failed is still unconfirmed, so the position stops before it. */
    private void fail(String reason) {
        if (failure == null) {
            positionAtFailure = unconfirmed.isEmpty() ? lastEnd : unconfirmed.firstEntry().getValue().start();
            failure = reason;
        }
        lock.notifyAll();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new PublishException(failure);
        }
    }

    /** Connects anew and publishes every unconfirmed line again; the broker is not waited for under the lock. */
    private void reconnect() throws InterruptedException {
        Backoff backoff = new Backoff(Duration.ofMillis(500), MAX_BACKOFF);
        long since = System.nanoTime();
        log.warn("lost the connection to RabbitMQ at {}; reconnecting ({} lines unconfirmed)",
                broker.address(), unconfirmedCount());
        while (broken) {
            if (stopping) {
                throw new PublishException("stopped while RabbitMQ at " + broker.address() + " was unreachable");
            }
            closeQuietly(connection);
            Connection fresh = null;
            try {
                fresh = broker.open(false);
                synchronized (lock) {
                    useConnection(fresh);
                    broken = false;
                    republishUnconfirmed();
                }
            } catch (IOException | AlreadyClosedException e) {
                if (fresh != null && fresh != connection) {
                    closeQuietly(fresh);
                }
                broken = true;
                log.debug("reconnecting failed: {}", Causes.rootMessage(e));
                backoff.pause();
            }
        }
        log.info("reconnected to RabbitMQ after {} s; republished {} unconfirmed lines",
                Duration.ofNanos(System.nanoTime() - since).toSeconds(), unconfirmedCount());
    }

    /**
     * Resends, in order, every line the old channel did not confirm, each keyed by its new sequence number.
     * The caller holds {@code lock}.
     */
    private void republishUnconfirmed() throws IOException {
        List<Pending> resend = new ArrayList<>(unconfirmed.values());
        unconfirmed.clear();
        for (int i = 0; i < resend.size(); i++) {
            long seq = channel.getNextPublishSeqNo();
            unconfirmed.put(seq, resend.get(i));
            try {
                channel.basicPublish(Topology.EXCHANGE, Topology.ROUTING_KEY, true,
                        MessageProperties.MINIMAL_PERSISTENT_BASIC, resend.get(i).body());
            } catch (IOException | AlreadyClosedException e) {
                // The rest waits, in order, for the next connection.
                for (int j = i + 1; j < resend.size(); j++) {
                    unconfirmed.put(seq + j - i, resend.get(j));
                }
                throw e;
            }
            republished.increment();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            c.abort(2_000);
        }
    }

    @Override
    public void close() {
        Connection open;
        synchronized (lock) {
            open = connection;
        }
        // Not under the lock: the client's thread may need it for a last confirm while closing.
        if (open != null && open.isOpen()) {
            try {
                open.close(5_000);
            } catch (IOException | ShutdownSignalException e) {
                log.debug("closing the connection: {}", e.getMessage());
            }
        }
    }
}
