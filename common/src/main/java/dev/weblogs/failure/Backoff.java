package dev.weblogs.failure;

import java.time.Duration;

/** Waits between attempts at something that failed, twice as long each time, up to a ceiling. */
public final class Backoff {

    private final Duration ceiling;
    private Duration next;

    public Backoff(Duration first, Duration ceiling) {
        this.next = first;
        this.ceiling = ceiling;
    }

    public void pause() throws InterruptedException {
        Thread.sleep(next.toMillis());
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
    }
}
