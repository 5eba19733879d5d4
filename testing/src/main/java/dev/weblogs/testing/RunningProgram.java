package dev.weblogs.testing;

import dev.weblogs.lifecycle.Stop;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A long-running program (a consumer's {@code run(args, env, stop)}) on a thread of the test, stopped the way
 * SIGTERM stops it: its {@link Stop} is requested.
 */
public final class RunningProgram {

    private final Stop stop = new Stop();
    private final FutureTask<Integer> task;

    private RunningProgram(Function<Stop, Integer> program) {
        this.task = new FutureTask<>(() -> program.apply(stop));
    }

    public static RunningProgram start(String name, Function<Stop, Integer> program) {
        RunningProgram running = new RunningProgram(program);
        new Thread(running.task, name).start();
        return running;
    }

    /** Stops the program and returns its exit status. */
    public int stop(Duration timeout) throws Exception {
        stop.request();
        return exitStatus(timeout);
    }

    /** Waits for the program to end on its own and returns its exit status. */
    public int exitStatus(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
