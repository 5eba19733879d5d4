package dev.weblogs.cli;

import dev.weblogs.lifecycle.Stop;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C as a {@link Stop} request that the program handles itself (finish the batch, save
 * state) before it exits with its own status, rather than the JVM's 143. A second signal ends the program at
 * once, for when the orderly stop waits on something that will not come.
 */
public final class StopSignal {

    private static final AtomicInteger received = new AtomicInteger();

    private StopSignal() {
    }

    /** From now on, SIGTERM and SIGINT request {@code stop}. */
    public static void install(Stop stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (received.incrementAndGet() > 1) {
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
                stop.request();
            });
        }
    }
}
