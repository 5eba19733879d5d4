package dev.weblogs.sink;

import dev.weblogs.failure.Retry;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.message.Rejection;
import dev.weblogs.transform.MappedLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's error policy for one batch. A database that is unavailable is waited for (the batch stays
 * unacknowledged, and an outage never costs a line); a row the database refuses is isolated by halving the
 * batch and rejected with the database's reason, the rest stored; anything else stops the consumer.
 */
final class BatchWriter<R> {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    /** Attempts at a batch whose failure nobody foresaw, before the consumer stops. */
    private static final int UNEXPECTED_ATTEMPTS = 3;

    /** A stop request came while the database was unavailable: the batch is left to be delivered again. */
    static final class Abandoned extends Exception {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final RowStore<R> store;
    private final SetAside setAside;
    private final SinkMeters meters;
    private final Stop stop;
    private final String table;
    private volatile boolean databaseUp = true;

    BatchWriter(RowStore<R> store, SetAside setAside, SinkMeters meters, Stop stop, String table) {
        this.store = store;
        this.setAside = setAside;
        this.meters = meters;
        this.stop = stop;
        this.table = table;
    }

    /**
     * Stores the batch's rows and rejections, and sets aside what the store cannot keep.
     *
     * @throws StoreException of kind {@code FATAL}, when writing cannot go on
     * @throws Exception      from {@link SetAside}: the batch must go back to the queue
     */
    void write(List<Item<R>> batch) throws Exception {
        List<Item<R>> rows = new ArrayList<>(batch.size());
        List<Rejection> rejections = new ArrayList<>();
        for (Item<R> item : batch) {
            if (item.mapped() instanceof MappedLine.Rejected<R> rejected) {
                rejections.add(item.rejection(rejected.reason()));
            } else {
                rows.add(item);
            }
        }
        StoreResult result = store(rows, rejections);
        if (!result.notKept().isEmpty()) {
            setAside.setAside(result.notKept());
        }
    }

    /** Whether the last write reached the database. */
    boolean isDatabaseUp() {
        return databaseUp;
    }

    private StoreResult store(List<Item<R>> items, List<Rejection> rejections) throws Abandoned {
        if (items.isEmpty() && rejections.isEmpty()) {
            return StoreResult.NOTHING;
        }
        List<KeyedRow<R>> rows = new ArrayList<>(items.size());
        for (Item<R> item : items) {
            rows.add(new KeyedRow<>(((MappedLine.Row<R>) item.mapped()).row(), item.delivery().occurrenceKey()));
        }
        Retry retry = new Retry(stop);
        long outageStart = 0;
        int unexpected = 0;
        while (true) {
            try {
                long start = System.nanoTime();
                StoreResult result = store.store(rows, rejections);
                meters.stored(rows.size(), result, System.nanoTime() - start);
                meters.rejected(rejections.size());
                for (Rejection rejection : rejections) {
                    log.warn("line rejected from {}: {}", table, rejection.reason());
                }
                if (outageStart != 0) {
                    databaseUp = true;
                    log.info("database available again after {} s; writing to {} resumed",
                            Duration.ofNanos(System.nanoTime() - outageStart).toSeconds(), table);
                }
                return result;
            } catch (StoreException e) {
                switch (e.kind()) {
                    case ROW_REFUSED -> {
                        return isolate(items, rejections, e);
                    }
                    case UNAVAILABLE -> {
                        if (outageStart == 0) {
                            outageStart = System.nanoTime();
                            databaseUp = false;
                            log.warn("database unavailable ({}); holding {} lines unacknowledged and retrying",
                                    e.getMessage(), items.size() + rejections.size());
                        }
                        meters.retried();
                        if (!retry.pause()) {
                            throw new Abandoned();
                        }
                    }
                    case UNEXPECTED -> {
                        if (++unexpected >= UNEXPECTED_ATTEMPTS) {
                            throw new StoreException(StoreException.Kind.FATAL, e.getMessage() + " (" + unexpected
                                    + " attempts)", e);
                        }
                        log.warn("writing to {} failed ({}); trying again", table, e.getMessage());
                        meters.retried();
                        if (!retry.pause()) {
                            throw new Abandoned();
                        }
                    }
                    default -> throw e;
                }
            }
        }
    }

    /** Halves the batch until the refused row is alone, then rejects it with the database's reason. */
    private StoreResult isolate(List<Item<R>> items, List<Rejection> rejections, StoreException refusal)
            throws Abandoned {
        if (items.size() > 1) {
            int half = items.size() / 2;
            return store(items.subList(0, half), rejections).plus(store(items.subList(half, items.size()), List.of()));
        }
        if (items.isEmpty()) {
            throw new StoreException(StoreException.Kind.FATAL, "the database refuses to record rejected lines: "
                    + refusal.getMessage(), refusal);
        }
        String reason = "database rejected the row: " + refusal.getMessage();
        List<Rejection> withIt = new ArrayList<>(rejections);
        withIt.add(items.get(0).rejection(reason));
        return store(List.of(), withIt);
    }
}
