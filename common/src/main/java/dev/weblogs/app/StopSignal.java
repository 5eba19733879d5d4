package dev.weblogs.app;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C as a request the program handles itself (finish the batch, save state) before it
 * exits with its own status, rather than the JVM's 143. A second signal ends the program at once, for
 * when the orderly stop waits on something that will not come.
 */
public final class StopSignal {

    private static final AtomicInteger received = new AtomicInteger();

    private StopSignal() {
    }

    /** From now on, SIGTERM and SIGINT run {@code onStop} (on a signal thread); a later call replaces it. */
    public static void install(Runnable onStop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (received.incrementAndGet() > 1) {
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
                onStop.run();
            });
        }
    }
}
