package dev.weblogs.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchBufferTest {

    @Test
    void aFullBatchIsTakenAtOnce() throws InterruptedException {
        BatchBuffer<Integer> buffer = new BatchBuffer<>(3, Duration.ofSeconds(10));
        IntStream.range(0, 3).forEach(buffer::add);
        long start = System.nanoTime();
        assertEquals(List.of(0, 1, 2), buffer.take(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "no waiting for a full batch");
    }

    @Test
    void aPartialBatchIsTakenOnceItsOldestLineHasWaitedTheFlushInterval() throws InterruptedException {
        BatchBuffer<Integer> buffer = new BatchBuffer<>(100, Duration.ofMillis(200));
        long start = System.nanoTime();
        buffer.add(1);
        buffer.add(2);
        assertEquals(List.of(1, 2), buffer.take(Duration.ofSeconds(10)));
        long waited = System.nanoTime() - start;
        assertTrue(waited >= Duration.ofMillis(190).toNanos() && waited < Duration.ofSeconds(2).toNanos(),
                "about the flush interval: " + waited / 1_000_000 + " ms");
    }

    @Test
    void nothingWithinTheIdleTimeGivesAnEmptyBatch() throws InterruptedException {
        BatchBuffer<Integer> buffer = new BatchBuffer<>(10, Duration.ofMillis(200));
        assertEquals(List.of(), buffer.take(Duration.ofMillis(50)));
        assertTrue(buffer.isEmpty());
    }

    @Test
    void linesBeyondABatchWaitForTheNextTakeInOrder() throws InterruptedException {
        BatchBuffer<Integer> buffer = new BatchBuffer<>(2, Duration.ofMillis(50));
        IntStream.range(0, 5).forEach(buffer::add);
        assertEquals(List.of(0, 1), buffer.take(Duration.ofSeconds(1)));
        assertEquals(List.of(2, 3), buffer.take(Duration.ofSeconds(1)));
        assertEquals(List.of(4), buffer.take(Duration.ofSeconds(1)));
        assertTrue(buffer.isEmpty());
    }

    @Test
    void aLineArrivingWhileTheTakerWaitsIsTaken() throws Exception {
        BatchBuffer<Integer> buffer = new BatchBuffer<>(1, Duration.ofSeconds(10));
        Thread adder = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            buffer.add(7);
        });
        adder.start();
        assertEquals(List.of(7), buffer.take(Duration.ofSeconds(10)));
        adder.join();
    }
}
