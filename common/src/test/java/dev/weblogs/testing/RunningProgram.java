package dev.weblogs.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A long-running program (a consumer's {@code run(args, env)}) on a thread of the test, stopped the way
 * the program stops on SIGTERM: its main thread is interrupted.
 */
public final class RunningProgram {

    private final FutureTask<Integer> task;
    private final Thread thread;

    private RunningProgram(Callable<Integer> program, String name) {
        this.task = new FutureTask<>(program);
        this.thread = new Thread(task, name);
    }

    public static RunningProgram start(String name, Callable<Integer> program) {
        RunningProgram running = new RunningProgram(program, name);
        running.thread.start();
        return running;
    }

    /** Stops the program and returns its exit status. */
    public int stop(Duration timeout) throws Exception {
        thread.interrupt();
        return exitStatus(timeout);
    }

    /** Waits for the program to end on its own and returns its exit status. */
    public int exitStatus(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
