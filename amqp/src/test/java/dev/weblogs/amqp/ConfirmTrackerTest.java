package dev.weblogs.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {

    private final Semaphore window = new Semaphore(10);
    private final List<String> confirmed = Collections.synchronizedList(new ArrayList<>());
    private final ConfirmTracker<String> tracker = new ConfirmTracker<>(window, confirmed::add);

    private void publish(long seq, String message) throws InterruptedException {
        window.acquire();
        tracker.track(seq, message);
    }

    @Test
    void aMultipleConfirmConfirmsEveryLowerNumberOnceAndGivesTheirPermitsBack() throws InterruptedException {
        for (int seq = 1; seq <= 5; seq++) {
            publish(seq, "m" + seq);
        }
        assertEquals(5, window.availablePermits());
        assertEquals(1, tracker.confirm(2, false));
        assertEquals(3, tracker.confirm(4, true), "1, 3 and 4: 2 was confirmed already");
        assertEquals(0, tracker.confirm(4, true), "a confirm repeated changes nothing");
        assertEquals(List.of("m2", "m1", "m3", "m4"), confirmed);
        assertEquals(9, window.availablePermits());
        assertEquals(1, tracker.size());
    }

    @Test
    void drainedMessagesKeepTheirPermitsAndAreNeverConfirmedHere() throws InterruptedException {
        for (int seq = 1; seq <= 3; seq++) {
            publish(seq, "m" + seq);
        }
        assertEquals(List.of("m1", "m2", "m3"), tracker.drain(), "in publish order");
        assertEquals(0, tracker.confirm(3, true), "a late confirm of the broken channel");
        assertTrue(confirmed.isEmpty());
        assertEquals(7, window.availablePermits(), "the republished messages still hold their permits");
    }

    @Test
    void underRacingConfirmsAndADrainEachMessageIsConfirmedOrDrainedExactlyOnce() throws Exception {
        Semaphore permits = new Semaphore(100_000);
        Set<String> confirms = Collections.synchronizedSet(new HashSet<>());
        List<String> doubles = Collections.synchronizedList(new ArrayList<>());
        ConfirmTracker<String> racing = new ConfirmTracker<>(permits, m -> {
            if (!confirms.add(m)) {
                doubles.add(m);
            }
        });
        int count = 100_000;
        for (int seq = 1; seq <= count; seq++) {
            permits.acquire();
            racing.track(seq, "m" + seq);
        }
        CountDownLatch go = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            await(go);
            for (int seq = 2; seq <= count; seq += 2) {
                racing.confirm(seq, seq % 10 == 0);
            }
        });
        reader.start();
        go.countDown();
        List<String> drained = racing.drain();
        reader.join();
        assertTrue(doubles.isEmpty(), "confirmed twice: " + doubles.size());
        Set<String> all = new HashSet<>(confirms);
        for (String message : drained) {
            assertTrue(all.add(message), message + " both confirmed and drained");
        }
        assertEquals(count, all.size(), "none lost");
        assertEquals(100_000 - drained.size(), permits.availablePermits(), "a permit back for each confirm only");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
