package dev.weblogs.amqp;

import dev.weblogs.failure.Backoff;
import dev.weblogs.failure.Causes;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weblogs.amqp.DeadLetterPublisher.DeadLetter;
import dev.weblogs.store.RowStore;
import dev.weblogs.store.StoreFailures;
import dev.weblogs.transform.LineMapper;
import dev.weblogs.transform.MappedLine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer both apps use: takes lines from a queue, maps each to a row, and writes rows in batches,
 * one transaction per batch; a batch's messages are acknowledged only after its commit, so a crash at any
 * point leaves every uncommitted line in the queue. Rows are idempotent, so the redelivery that follows
 * stores nothing twice.
 *
 * <p>Mapping runs on the client's delivery thread and writing on a writer thread, so parsing the next
 * batch overlaps with committing this one. A line that can never be a row (the mapper rejects it, or the
 * database refuses its values) is dead-lettered with the reason in a header; a database that is down is
 * waited for, holding the batch unacknowledged, and never costs a line.
 */
public final class BatchingConsumer<R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchingConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Item<R>(long tag, byte[] body, MappedLine<R> mapped) {
    }

    /** Thrown inside the writer when a stop request arrives while the database is down. */
    private static final class Abandoned extends Exception {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final Connection connection;
    private final DeadLetterPublisher deadLetterPublisher;
    private final String queue;
    private final String table;
    private final LineMapper<R> mapper;
    private final RowStore store;
    private final BatchSettings settings;
    private final BatchBuffer<Item<R>> inbox;
    private final Thread writer;
    private final CountDownLatch finished = new CountDownLatch(1);

    private final Counter rowsWritten;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter retries;
    private final DistributionSummary batchSizes;
    private final Timer commits;

    private final MeterRegistry metrics;
    private Channel channel;
    /** For the queue-depth gauge only: a failed call must not close the channel that consumes. */
    private Channel depthChannel;
    private String consumerTag;
    private volatile boolean stopping;
    private volatile boolean databaseUp = true;
    private volatile Throwable failure;

    /**
     * @param connection  the connection to consume {@code queue} on, recovering
     * @param deadLetters where lines of {@code queue} that can never be rows go
     * @param table       name of the table the rows go to, for logs and metrics
     */
    public BatchingConsumer(Connection connection, String queue, DeadLetterPublisher deadLetters, String table,
                            LineMapper<R> mapper, RowStore store, BatchSettings settings, MeterRegistry metrics) {
        this.connection = connection;
        this.deadLetterPublisher = deadLetters;
        this.queue = queue;
        this.table = table;
        this.mapper = mapper;
        this.store = store;
        this.settings = settings;
        this.rowsWritten = metrics.counter("weblogs.rows.written", "table", table);
        this.duplicates = metrics.counter("weblogs.rows.duplicates", "table", table);
        this.deadLettered = metrics.counter("weblogs.lines.dead.lettered", "queue", queue);
        this.retries = metrics.counter("weblogs.database.retries", "table", table);
        this.batchSizes = DistributionSummary.builder("weblogs.batch.size").tag("table", table).register(metrics);
        this.commits = Timer.builder("weblogs.batch.commit").tag("table", table).register(metrics);
        this.metrics = metrics;
        this.inbox = new BatchBuffer<>(settings.batchSize(), settings.flushInterval());
        this.writer = new Thread(this::writeLoop, "writer-" + table);
    }

    /** Declares the topology and starts consuming. */
    public void start() throws IOException {
        channel = connection.createChannel();
        Topology.declare(channel);
        channel.basicQos(settings.prefetch());
        depthChannel = connection.createChannel();
        Gauge.builder("weblogs.queue.messages", this, BatchingConsumer::queueDepth).tag("queue", queue)
                .description("messages ready in the queue: how far the consumer is behind").register(metrics);
        writer.start();
        consumerTag = channel.basicConsume(queue, false, connection.getClientProvidedName(),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) {
                        inbox.add(new Item<>(envelope.getDeliveryTag(), body, map(body)));
                    }

                    @Override
                    public void handleCancel(String tag) {
                        fail("RabbitMQ stopped delivering " + queue + " (was the queue deleted?)");
                    }

                    @Override
                    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
                        // A lost connection is recovered by the client; a channel closed by the broker is not.
                        if (!signal.isHardError() && !signal.isInitiatedByApplication()) {
                            fail("RabbitMQ closed the channel consuming " + queue + ": " + signal.getMessage());
                        }
                    }
                });
        log.info("consuming {} into {} (batches of {}, flushed every {} ms, prefetch {})", queue, table,
                settings.batchSize(), settings.flushInterval().toMillis(), settings.prefetch());
    }

    private MappedLine<R> map(byte[] body) {
        try {
            return mapper.map(body);
        } catch (RuntimeException e) {
            // A line that crashes the mapper would crash it on every redelivery: set it aside.
            log.error("mapping a line failed: {}", Causes.rootMessage(e));
            log.debug("mapping failure", e);
            return new MappedLine.Rejected<>("mapping failed: " + e);
        }
    }

    /** Stops the consumer for a reason that needs a restart (or a person); the program then exits 1. */
    private void fail(String reason) {
        log.error(reason);
        failure = new IllegalStateException(reason);
        stopping = true;
    }

    private void writeLoop() {
        try {
            while (true) {
                List<Item<R>> batch = inbox.take(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    if (stopping && inbox.isEmpty()) {
                        break;
                    }
                    continue;
                }
                write(batch);
            }
        } catch (Abandoned e) {
            log.warn("stopped while the database was unavailable: the lines not yet written stay in {}", queue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("the writer of {} failed", table, e);
        } finally {
            finished.countDown();
        }
    }

    private void write(List<Item<R>> batch) throws InterruptedException, Abandoned {
        List<Item<R>> rows = new ArrayList<>(batch.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Item<R> item : batch) {
            if (item.mapped() instanceof MappedLine.Rejected<R> rejected) {
                deadLetters.add(new DeadLetter(item.body(), rejected.reason()));
            } else {
                rows.add(item);
            }
        }
        storeAll(rows, deadLetters);
        long last = batch.get(batch.size() - 1).tag();
        try {
            if (!deadLetters.isEmpty()) {
                deadLetterPublisher.publish(deadLetters);
                deadLettered.increment(deadLetters.size());
                for (DeadLetter dead : deadLetters) {
                    log.warn("line sent to {}: {}", deadLetterPublisher.deadLetterQueue(), dead.reason());
                }
            }
            channel.basicAck(last, true);
        } catch (IOException | AlreadyClosedException e) {
            // Back to the queue, all of the batch: its rows are stored and absorb the redelivery, and its
            // dead letters get another try. Left unacknowledged, the next batch's ack would take them along.
            log.warn("could not finish a batch of {} lines ({}); it goes back to the queue", batch.size(),
                    Causes.rootMessage(e));
            requeue(last);
        }
    }

    private void requeue(long last) {
        try {
            channel.basicNack(last, true, true);
        } catch (IOException | AlreadyClosedException e) {
            // The channel is gone, and with it the deliveries: the broker delivers them again.
            log.debug("requeue: {}", e.getMessage());
        }
    }

    /**
     * Stores the rows of {@code items}, waiting out database outages. Rows the database refuses are
     * isolated by halving the batch and end up in {@code deadLetters}.
     */
    private void storeAll(List<Item<R>> items, List<DeadLetter> deadLetters) throws InterruptedException, Abandoned {
        if (items.isEmpty()) {
            return;
        }
        List<Object> rows = new ArrayList<>(items.size());
        for (Item<R> item : items) {
            rows.add(((MappedLine.Row<R>) item.mapped()).row());
        }
        Backoff backoff = new Backoff(Duration.ofMillis(500), MAX_BACKOFF);
        long outageStart = 0;
        while (true) {
            try {
                long start = System.nanoTime();
                int added = store.store(rows);
                commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batchSizes.record(rows.size());
                rowsWritten.increment(added);
                duplicates.increment(rows.size() - added);
                if (outageStart != 0) {
                    databaseUp = true;
                    log.info("database available again after {} s; writing to {} resumed",
                            Duration.ofNanos(System.nanoTime() - outageStart).toSeconds(), table);
                }
                return;
            } catch (RuntimeException e) {
                if (StoreFailures.isRowRejected(e)) {
                    if (items.size() == 1) {
                        deadLetters.add(new DeadLetter(items.get(0).body(),
                                "database rejected the row: " + Causes.rootMessage(e)));
                        return;
                    }
                    int half = items.size() / 2;
                    storeAll(items.subList(0, half), deadLetters);
                    storeAll(items.subList(half, items.size()), deadLetters);
                    return;
                }
                if (outageStart == 0) {
                    outageStart = System.nanoTime();
                    databaseUp = false;
                    log.warn("database unavailable ({}); holding {} lines unacknowledged and retrying",
                            Causes.rootMessage(e), items.size());
                }
                retries.increment();
                if (stopping) {
                    throw new Abandoned();
                }
                backoff.pause();
            }
        }
    }

    private synchronized double queueDepth() {
        try {
            return depthChannel.isOpen() ? depthChannel.messageCount(queue) : Double.NaN;
        } catch (IOException | AlreadyClosedException e) {
            return Double.NaN;
        }
    }

    /** Whether the last write reached the database. */
    public boolean isDatabaseUp() {
        return databaseUp;
    }

    public boolean isBrokerConnected() {
        return connection.isOpen() && channel != null && channel.isOpen();
    }

    /** Blocks until the consumer stops; returns the writer's failure, or {@code null} for a clean stop. */
    public Throwable awaitTermination() throws InterruptedException {
        finished.await();
        return failure;
    }

    /**
     * Stops taking lines, writes and acknowledges those already received, and closes the channels. Lines
     * still unacknowledged after {@code timeout} go back to the queue.
     */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        try {
            if (consumerTag != null && channel.isOpen()) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.debug("cancel: {}", e.getMessage());
        }
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // A writer stuck in a socket write does not answer an interrupt: its lines are redelivered.
            writer.interrupt();
            finished.await(5, TimeUnit.SECONDS);
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
