package dev.weblogs.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.config.BatchSettings;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.message.Acknowledger;
import dev.weblogs.message.Delivery;
import dev.weblogs.message.Rejection;
import dev.weblogs.transform.LineMapper;
import dev.weblogs.transform.MappedLine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sink's error policy with a fake store, a fake set-aside and a fake channel. */
@Timeout(60)
class BatchSinkTest {

    /** Lines are rows, except those starting with "bad", which the mapper rejects, and "crash", which crash it. */
    private static final LineMapper<String> MAPPER = line -> {
        String text = new String(line, StandardCharsets.UTF_8);
        if (text.startsWith("crash")) {
            throw new IllegalArgumentException("boom");
        }
        return text.startsWith("bad") ? new MappedLine.Rejected<>("not a line: " + text) : new MappedLine.Row<>(text);
    };

    private final Stop stop = new Stop();
    private final FakeChannel channel = new FakeChannel();
    private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keptRejections = Collections.synchronizedList(new ArrayList<>());
    private final List<String> setAside = Collections.synchronizedList(new ArrayList<>());
    private final SinkMeters meters = new SinkMeters(new SimpleMeterRegistry(), "t");

    @Test
    void rowsAndRejectionsOfABatchAreStoredTogetherThenAcknowledged() throws Exception {
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> null), SetAside.NOWHERE, 10);
        deliver(sink, "a", "bad line", "b", "crash me");
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertEquals(List.of("a", "b"), stored);
        assertEquals(List.of("not a line: bad line", "mapping failed: java.lang.IllegalArgumentException: boom"),
                keptRejections);
        assertEquals(List.of("ack 4"), channel.calls);
        assertEquals(2, meters.rejected());
    }

    @Test
    void anUnavailableDatabaseIsWaitedForAndNothingIsAcknowledgedBeforeTheCommit() throws Exception {
        int[] calls = {0};
        boolean[] downSeen = {false};
        BatchSink<String>[] holder = new BatchSink[1];
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> {
            if (++calls[0] <= 3) {
                downSeen[0] |= !holder[0].isDatabaseUp() || calls[0] == 1;
                assertTrue(channel.calls.isEmpty(), "nothing acknowledged during the outage");
                return new StoreException(StoreException.Kind.UNAVAILABLE, "Connection refused", null);
            }
            return null;
        }), SetAside.NOWHERE, 10);
        holder[0] = sink;
        deliver(sink, "a", "b");
        assertNull(sink.finish(Duration.ofSeconds(30)));
        assertEquals(4, calls[0], "three failed attempts, then the write");
        assertEquals(List.of("a", "b"), stored);
        assertEquals(List.of("ack 2"), channel.calls);
        assertTrue(sink.isDatabaseUp());
        assertTrue(downSeen[0]);
        assertEquals(3, meters.retries());
    }

    @Test
    void aRowTheDatabaseRefusesIsIsolatedRejectedWithTheDatabasesReasonAndTheRestStored() throws Exception {
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> rows.stream().anyMatch(r -> r.row().equals("poison"))
                ? new StoreException(StoreException.Kind.ROW_REFUSED, "poison refused (error 1644)", null) : null),
                SetAside.NOWHERE, 10);
        deliver(sink, "a", "b", "c", "poison", "d", "e", "f", "g");
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), stored.stream().sorted().toList());
        assertEquals(List.of("database rejected the row: poison refused (error 1644)"), keptRejections);
        assertEquals(List.of("ack 8"), channel.calls);
    }

    @Test
    void whatTheStoreCannotKeepIsSetAsideBeforeTheAcknowledgement() throws Exception {
        RowStore<String> lake = (rows, rejections) -> {
            rows.forEach(r -> stored.add(r.row()));
            return new StoreResult(rows.size(), 0, rejections);
        };
        BatchSink<String> sink = sink(lake, rejections -> {
            assertTrue(channel.calls.isEmpty(), "set aside first");
            rejections.forEach(r -> setAside.add(r.reason() + " @" + r.occurrenceKey()));
        }, 10);
        deliver(sink, "a", "bad x");
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertEquals(List.of("not a line: bad x @key-2"), setAside);
        assertEquals(List.of("ack 2"), channel.calls);
    }

    @Test
    void aSetAsideThatFailsPutsTheBatchBackInTheQueueAndTheSinkGoesOn() throws Exception {
        RowStore<String> lake = (rows, rejections) -> new StoreResult(rows.size(), 0, rejections);
        int[] attempts = {0};
        BatchSink<String> sink = sink(lake, rejections -> {
            if (++attempts[0] == 1) {
                // What the dead-letter channel throws when it closes while waiting for confirms.
                throw new IllegalStateException("channel closed: connection error");
            }
        }, 2);
        deliver(sink, "bad 1", "x");
        awaitCalls(1);
        deliver(sink, 3, "bad 2", "y");
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertEquals(List.of("requeue 2", "ack 4"), channel.calls);
    }

    @Test
    void aFatalErrorStopsTheSinkAndTheProgramWithNothingAcknowledged() throws Exception {
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> new StoreException(StoreException.Kind.FATAL,
                "Table 'weblogs.t' doesn't exist (error 1146)", null)), SetAside.NOWHERE, 10);
        deliver(sink, "a");
        stop.await();
        Throwable failure = sink.finish(Duration.ofSeconds(10));
        assertEquals("cannot write to t: Table 'weblogs.t' doesn't exist (error 1146)", failure.getMessage());
        assertTrue(channel.calls.isEmpty());
    }

    @Test
    void anUnexpectedErrorIsTriedAgainAndAfterThreeInARowStopsTheSink() throws Exception {
        int[] calls = {0};
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> ++calls[0] == 1 || calls[0] >= 3
                ? new StoreException(StoreException.Kind.UNEXPECTED, "No operations allowed after statement closed.", null)
                : null), SetAside.NOWHERE, 1);
        deliver(sink, "a");
        awaitCalls(1);
        assertEquals(List.of("ack 1"), channel.calls, "once, then written");
        deliver(sink, 2, "b");
        stop.await();
        Throwable failure = sink.finish(Duration.ofSeconds(10));
        assertEquals("cannot write to t: No operations allowed after statement closed. (3 attempts)", failure.getMessage());
        assertEquals(List.of("ack 1"), channel.calls);
    }

    @Test
    void aStopDuringAnOutageLeavesTheBatchToBeDeliveredAgain() throws Exception {
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> {
            stop.request();
            return new StoreException(StoreException.Kind.UNAVAILABLE, "down", null);
        }), SetAside.NOWHERE, 10);
        deliver(sink, "a");
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertTrue(channel.calls.isEmpty());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aLineDeliveredMoreOftenThanTheLimitIsRejectedInsteadOfTriedAgain() throws Exception {
        BatchSink<String> sink = sink(keepingStore((rows, rejections) -> null), SetAside.NOWHERE, 10);
        sink.accept(new Delivery(1, "a".getBytes(StandardCharsets.UTF_8), "k", 20));
        sink.accept(new Delivery(2, "b".getBytes(StandardCharsets.UTF_8), "k", 21));
        assertNull(sink.finish(Duration.ofSeconds(10)));
        assertEquals(List.of("a"), stored);
        assertEquals(List.of("delivered 22 times, more than the delivery limit of 20"), keptRejections);
    }

    /** A store that keeps rejections; {@code outcome} gives the exception to throw for a call, or null. */
    private RowStore<String> keepingStore(BiFunction<List<KeyedRow<String>>, List<Rejection>, StoreException> outcome) {
        return (rows, rejections) -> {
            StoreException failure = outcome.apply(rows, rejections);
            if (failure != null) {
                throw failure;
            }
            rows.forEach(r -> stored.add(r.row()));
            rejections.forEach(r -> keptRejections.add(r.reason()));
            return new StoreResult(rows.size(), 0, List.of());
        };
    }

    private BatchSink<String> sink(RowStore<String> store, SetAside aside, int batchSize) {
        BatchSink<String> sink = new BatchSink<>(MAPPER, store, aside, channel,
                new BatchSettings(batchSize, Duration.ofMillis(20), batchSize), 20, meters, stop, "t");
        sink.start();
        return sink;
    }

    private void deliver(BatchSink<String> sink, String... lines) {
        deliver(sink, 1, lines);
    }

    private void deliver(BatchSink<String> sink, int firstTag, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            sink.accept(new Delivery(firstTag + i, lines[i].getBytes(StandardCharsets.UTF_8), "key-" + (firstTag + i), 0));
        }
    }

    private void awaitCalls(int count) throws InterruptedException {
        for (int i = 0; i < 500 && channel.calls.size() < count; i++) {
            Thread.sleep(10);
        }
        assertFalse(channel.calls.size() < count, "settled in time: " + channel.calls);
    }

    /** Records what the sink settles. */
    private static final class FakeChannel implements Acknowledger {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void acknowledgeUpTo(long tag) {
            calls.add("ack " + tag);
        }

        @Override
        public void requeueUpTo(long tag) {
            calls.add("requeue " + tag);
        }
    }
}
