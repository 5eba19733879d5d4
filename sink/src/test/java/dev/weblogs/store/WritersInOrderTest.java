package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WritersInOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void eachPageEndsWithWhatThePageBeforeEndedWithAndTheResultsComeInPageOrder() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<Integer> ended = new ArrayList<>();
        try (WritersInOrder<Integer> writers = new WritersInOrder<>(2, 100, PATIENCE, "test-writer")) {
            ended.addAll(writers.submit(before -> {
                await(firstMayEnd);
                return before.await() + 1;
            }));
            AtomicInteger secondWrote = new AtomicInteger();
            ended.addAll(writers.submit(before -> {
                secondWrote.set(20);
                return before.await() + secondWrote.get();
            }));
            assertTrue(ended.isEmpty(), "two pages in flight, none ended");
            firstMayEnd.countDown();
            ended.addAll(writers.submit(before -> before.await() + 300));
            ended.addAll(writers.drain());
        }
        assertEquals(List.of(101, 121, 421), ended);
    }

    @Test
    void noMoreThanTheWritersArePagesInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (WritersInOrder<Integer> writers = new WritersInOrder<>(2, 0, PATIENCE, "test-writer")) {
            Thread releaser = new Thread(() -> {
                sleep(200);
                release.countDown();
            });
            releaser.start();
            for (int page = 0; page < 6; page++) {
                writers.submit(before -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    await(release);
                    int result = before.await() + 1;
                    running.decrementAndGet();
                    return result;
                });
            }
            assertEquals(List.of(5, 6), writers.drain());
        }
        assertEquals(2, most.get());
    }

    @Test
    void aFailedPageIsTheFailureReportedAndThePagesAfterItDoNotEnd() throws Exception {
        AtomicReference<RuntimeException> secondSaw = new AtomicReference<>();
        try (WritersInOrder<Integer> writers = new WritersInOrder<>(2, 0, PATIENCE, "test-writer")) {
            writers.submit(before -> {
                sleep(100);
                throw new IllegalStateException("the database refused the page");
            });
            writers.submit(before -> {
                try {
                    return before.await() + 1;
                } catch (RuntimeException e) {
                    secondSaw.set(e);
                    throw e;
                }
            });
            IllegalStateException failure = assertThrows(IllegalStateException.class, writers::drain);
            assertEquals("the database refused the page", failure.getMessage());
        }
        assertInstanceOf(WritersInOrder.EarlierFailure.class, secondSaw.get());
    }

    @Test
    void aPageWhoseBeforeTakesLongerThanThePatienceIsToldNotYetAndMayTryAgain() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger notYet = new AtomicInteger();
        try (WritersInOrder<Integer> writers = new WritersInOrder<>(2, 0, Duration.ofMillis(50), "test-writer")) {
            writers.submit(before -> {
                await(firstMayEnd);
                return before.await() + 1;
            });
            writers.submit(before -> {
                while (true) {
                    try {
                        return before.await() + 1;
                    } catch (WritersInOrder.NotYet e) {
                        if (notYet.incrementAndGet() == 3) {
                            firstMayEnd.countDown();
                        }
                    }
                }
            });
            assertEquals(List.of(1, 2), writers.drain());
        }
        assertEquals(3, notYet.get());
    }

    @Test
    void closingWaitsForThePagesInFlight() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        WritersInOrder<Integer> writers = new WritersInOrder<>(2, 0, PATIENCE, "test-writer");
        writers.submit(before -> {
            sleep(100);
            return committed.incrementAndGet();
        });
        writers.close();
        assertEquals(1, committed.get(), "the page in flight committed before close returned");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
