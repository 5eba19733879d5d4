package dev.weblogs.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends lines to a log file at a steady rate, as a web server does, and notes when each line was
 * written: the lines due at a moment are written together, in one write, then timed. An interrupt stops it.
 */
final class PacedWriter implements Runnable {

    private final OutputStream file;
    private final InputGenerator generator;
    private final long firstLine;
    private final long[] writtenNanos;
    private final int rate;

    /**
     * @param file  unbuffered, so a line is in the file as soon as its write returns
     * @param lines lines {@code firstLine} to {@code firstLine + lines - 1} are written
     */
    PacedWriter(OutputStream file, InputGenerator generator, long firstLine, int lines, int rate) {
        this.file = file;
        this.generator = generator;
        this.firstLine = firstLine;
        this.writtenNanos = new long[lines];
        this.rate = rate;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        int next = 0;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        try {
            while (next < writtenNanos.length && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                long due = start + next * 1_000_000_000L / rate;
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
                int from = next;
                chunk.reset();
                while (next < writtenNanos.length && start + next * 1_000_000_000L / rate <= now) {
                    chunk.writeBytes(generator.line(firstLine + next).getBytes(StandardCharsets.UTF_8));
                    chunk.write('\n');
                    next++;
                }
                chunk.writeTo(file);
                long written = System.nanoTime();
                for (int i = from; i < next; i++) {
                    writtenNanos[i] = written;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When line {@code firstLine + i} was written; complete once {@link #run} has returned. */
    long writtenNanos(int i) {
        return writtenNanos[i];
    }

    /** Lines per second actually written, first write to last. */
    double achievedRate() {
        long span = writtenNanos[writtenNanos.length - 1] - writtenNanos[0];
        return span > 0 ? (writtenNanos.length - 1) / (span / 1e9) : Double.NaN;
    }
}
