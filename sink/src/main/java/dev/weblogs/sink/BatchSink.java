package dev.weblogs.sink;

import dev.weblogs.config.BatchSettings;
import dev.weblogs.failure.Causes;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.message.Acknowledger;
import dev.weblogs.message.Delivery;
import dev.weblogs.transform.LineMapper;
import dev.weblogs.transform.MappedLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns deliveries into rows of one table, written in batches, one transaction per batch; a batch's
 * deliveries are acknowledged only after its commit, so a crash at any point leaves every uncommitted line
 * to be delivered again, and the idempotent rows store nothing twice.
 *
 * <p>Mapping runs on the thread that delivers, writing on a writer thread of its own, so parsing the next
 * batch overlaps with committing this one. A line that can never be a row is rejected with its reason;
 * what the store cannot keep is {@link SetAside set aside} before the acknowledgement.
 */
public final class BatchSink<R> implements Consumer<Delivery> {

    private static final Logger log = LoggerFactory.getLogger(BatchSink.class);
    private static final Duration IDLE_TAKE = Duration.ofMillis(100);

    private final LineMapper<R> mapper;
    private final BatchWriter<R> writer;
    private final Acknowledger acknowledger;
    private final Stop stop;
    private final String table;
    private final int deliveryLimit;
    private final BatchBuffer<Item<R>> inbox;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean finishing;
    private volatile Throwable failure;

    /**
     * @param acknowledger  settles deliveries with the transport
     * @param stop          asked for when the sink fails, so that the program stops
     * @param deliveryLimit a line delivered more often than this is rejected instead of written again
     */
    public BatchSink(LineMapper<R> mapper, RowStore<R> store, SetAside setAside, Acknowledger acknowledger,
                     BatchSettings settings, int deliveryLimit, SinkMeters meters, Stop stop, String table) {
        this.mapper = mapper;
        this.writer = new BatchWriter<>(store, setAside, meters, stop, table);
        this.acknowledger = acknowledger;
        this.stop = stop;
        this.table = table;
        this.deliveryLimit = deliveryLimit;
        this.inbox = new BatchBuffer<>(settings.batchSize(), settings.flushInterval());
        this.thread = new Thread(this::writeLoop, "writer-" + table);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Takes one delivery; called by the transport's delivery thread, in delivery order. */
    @Override
    public void accept(Delivery delivery) {
        inbox.add(new Item<>(delivery, map(delivery)));
    }

    private MappedLine<R> map(Delivery delivery) {
        if (delivery.deliveryCount() > deliveryLimit) {
            return new MappedLine.Rejected<>("delivered " + (delivery.deliveryCount() + 1)
                    + " times, more than the delivery limit of " + deliveryLimit);
        }
        try {
            return mapper.map(delivery.body());
        } catch (RuntimeException e) {
            // A line that crashes the mapper would crash it on every redelivery: reject it.
            log.error("mapping a line failed: {}", Causes.rootMessage(e));
            log.debug("mapping failure", e);
            return new MappedLine.Rejected<>("mapping failed: " + e);
        }
    }

    /** Stops the sink for a reason that needs a restart (or a person); the program then exits 1. */
    public void fail(String reason) {
        fail(new IllegalStateException(reason));
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        stop.request();
    }

    private void writeLoop() {
        try {
            while (true) {
                List<Item<R>> batch = inbox.take(IDLE_TAKE);
                if (failure != null) {
                    break;
                }
                if (batch.isEmpty()) {
                    if (finishing && inbox.isEmpty()) {
                        break;
                    }
                    continue;
                }
                write(batch);
            }
        } catch (BatchWriter.Abandoned e) {
            log.warn("stopped while the database was unavailable: the lines not yet written are delivered again");
        } catch (StoreException e) {
            log.error("cannot write to {}: {}", table, e.getMessage());
            fail(new IllegalStateException("cannot write to " + table + ": " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("the writer of {} failed", table, e);
            fail(e);
        } finally {
            finished.countDown();
        }
    }

    private void write(List<Item<R>> batch) throws BatchWriter.Abandoned {
        long last = batch.get(batch.size() - 1).delivery().tag();
        try {
            writer.write(batch);
        } catch (BatchWriter.Abandoned | StoreException e) {
            throw e;
        } catch (Exception e) {
            // Back, all of the batch: its rows are stored and absorb the redelivery, and what could not be set
            // aside gets another try. Left unacknowledged, the next batch's acknowledgement would take it along.
            log.warn("could not finish a batch of {} lines ({}); it goes back to the queue", batch.size(),
                    Causes.rootMessage(e));
            acknowledger.requeueUpTo(last);
            return;
        }
        acknowledger.acknowledgeUpTo(last);
    }

    /** Whether the last write reached the database. */
    public boolean isDatabaseUp() {
        return writer.isDatabaseUp();
    }

    /**
     * Writes and acknowledges what was received (the transport has stopped delivering), within
     * {@code timeout}; what is still unacknowledged then is delivered again.
     *
     * @return the failure that stopped the sink, or {@code null}
     */
    public Throwable finish(Duration timeout) throws InterruptedException {
        finishing = true;
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("the last batch of {} was not written within {} s: its lines are delivered again", table,
                    timeout.toSeconds());
        }
        return failure;
    }

    /** Why the sink stopped, or {@code null} while it runs. */
    public Throwable failure() {
        return failure;
    }
}
