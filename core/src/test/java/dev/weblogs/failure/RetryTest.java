package dev.weblogs.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.lifecycle.Stop;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RetryTest {

    @Test
    void delaysDoubleFromAQuarterSecondUpToFiveSeconds() {
        List<Long> millis = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            millis.add(Retry.delayAfter(failures).toMillis());
        }
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), millis);
        assertEquals(5000L, Retry.delayAfter(1_000).toMillis(), "no overflow after many failures");
    }

    @Test
    void retriesWhatItMayAndReturnsTheFirstSuccess() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Exception> told = new ArrayList<>();
        String result = Retry.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("refused");
            }
            return "up";
        }, e -> e instanceof IOException, Duration.ofSeconds(30), new Stop(), "test", told::add);
        assertEquals("up", result);
        assertEquals(3, attempts.get());
        assertEquals(1, told.size(), "told once, before the first wait");
    }

    @Test
    void aFailureItMayNotRetryIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException wrong = new IllegalStateException("wrong password");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Retry.call(() -> {
            attempts.incrementAndGet();
            throw wrong;
        }, e -> e instanceof IOException, Duration.ofSeconds(30), new Stop(), "test", e -> { }));
        assertSame(wrong, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void givesUpAfterItsPatienceWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        IOException last = assertThrows(IOException.class, () -> Retry.call(() -> {
            throw new IOException("attempt " + attempts.incrementAndGet());
        }, e -> true, Duration.ofMillis(600), new Stop(), "test", e -> { }));
        assertEquals("attempt " + attempts.get(), last.getMessage());
        assertTrue(attempts.get() >= 2 && attempts.get() <= 4, attempts + " attempts in 600 ms");
    }

    @Test
    @Timeout(20) // a retry that ignored the stop would wait out its hour
    void aStopRequestEndsTheWaitAtOnce() {
        Stop stop = new Stop();
        Thread stopper = new Thread(() -> {
            stop.pause(Duration.ofMillis(100));
            stop.request();
        });
        stopper.start();
        Stop.Stopped stopped = assertThrows(Stop.Stopped.class, () -> Retry.call(() -> {
            throw new IOException("down");
        }, e -> true, Duration.ofHours(1), stop, "waiting for the database", e -> { }));
        assertEquals("stopped while waiting for the database", stopped.getMessage());
        assertFalse(new Retry(stop).pause(), "a pause after the stop request does not wait");
    }
}
