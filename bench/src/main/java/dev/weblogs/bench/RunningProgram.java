package dev.weblogs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Java process the bench started, its output in a file, and its peak resident memory: VmHWM of
 * /proc/&lt;pid&gt;/status, read every 100 ms while it runs (the kernel keeps the high-water mark, so the
 * last reading before it stops is the peak up to then).
 */
final class RunningProgram implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path output;
    private final long startedNanos;
    private final Cleanup cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long peakRssKilobytes;

    private RunningProgram(String name, Process process, Path output, long startedNanos, Cleanup cleanup) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
        this.cleanup = cleanup;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Takes charge of a started process: its RSS is sampled from now on, and it is ended on cleanup. */
    static RunningProgram watch(String name, Process process, Path output, long startedNanos, Cleanup cleanup) {
        RunningProgram program = cleanup.register(new RunningProgram(name, process, output, startedNanos, cleanup));
        Thread sampler = new Thread(program::sampleRss, "rss-" + name);
        sampler.setDaemon(true);
        sampler.start();
        return program;
    }

    /** {@link System#nanoTime()} just before the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    long peakRssBytes() {
        return peakRssKilobytes * 1024;
    }

    /** Fails if the program has exited with a status other than 0. */
    void checkNotFailed() {
        if (!process.isAlive() && process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n" + outputTail());
        }
    }

    /** Waits for the program to finish by itself and checks that it exited 0. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout.toSeconds() + " s:\n"
                    + outputTail());
        }
        checkExitedCleanly();
    }

    /** SIGTERM, as a user or an orchestrator stops a program, and checks that it exited 0. */
    void stop() throws InterruptedException {
        process.destroy();
        awaitExit(STOP_TIMEOUT);
    }

    private void checkExitedCleanly() {
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n"
                    + outputTail());
        }
        cleanup.forget(this);
        closed.set(true);
    }

    /** Everything the program printed so far. */
    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The last lines the program printed, to show why it failed. */
    String outputTail() {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return "    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                    + "\n    (whole output: " + output + ")";
        } catch (IOException e) {
            return "    (no output: " + e + ")";
        }
    }

    private void sampleRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                Thread.sleep(100);
            } catch (IOException e) {
                return; // the process is gone between isAlive() and the read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends the program if it still runs: only on a failure path, where its exit status no longer matters. */
    @Override
    public void close() throws InterruptedException {
        if (closed.compareAndSet(false, true)) {
            cleanup.forget(this);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
