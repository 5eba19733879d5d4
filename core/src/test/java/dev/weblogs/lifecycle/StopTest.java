package dev.weblogs.lifecycle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopTest {

    @Test
    void aPauseLastsItsDurationUntilAStopIsRequested() {
        Stop stop = new Stop();
        assertTrue(stop.pause(Duration.ofMillis(20)), "no stop: the whole pause");
        assertDoesNotThrow(() -> stop.check("working"));
        stop.request();
        assertTrue(stop.isRequested());
        assertFalse(stop.pause(Duration.ofDays(1)), "after a request: no wait at all");
        assertThrows(Stop.Stopped.class, () -> stop.check("working"));
    }

    @Test
    void aRequestFromAnotherThreadWakesAWaiter() throws Exception {
        Stop stop = new Stop();
        Thread waiter = new Thread(stop::await);
        waiter.start();
        stop.request();
        waiter.join(10_000);
        assertFalse(waiter.isAlive(), "await returned once the stop was requested");
    }
}
