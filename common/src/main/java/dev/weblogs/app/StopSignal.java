package dev.weblogs.app;

import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C as a request the program handles itself (finish the batch, save state) before it
 * exits with its own status, rather than the JVM's 143.
 */
public final class StopSignal {

    private StopSignal() {
    }

    /** From now on, SIGTERM and SIGINT run {@code onStop} (on a signal thread). */
    public static void install(Runnable onStop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> onStop.run());
        }
    }
}
