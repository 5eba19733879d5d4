package dev.weblogs.producer;

import dev.weblogs.amqp.PublishException;
import dev.weblogs.amqp.Publisher;
import dev.weblogs.cli.Progress;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.source.CheckpointStore;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.source.LogFile;
import dev.weblogs.source.LogTail;
import dev.weblogs.source.ResumePoint;
import dev.weblogs.source.UnconfirmedLines;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Ships one log path: each line the {@link LogTail} reads is published with its occurrence key, and the
 * position up to which the broker has confirmed every line is saved as the path's checkpoint, every second
 * and at the end, so that the next run continues there.
 */
final class LogShipper implements LogTail.Handler {

    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    private static final Duration FINAL_CONFIRM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final Path path;
    private final CheckpointStore checkpoints;
    private final Publisher publisher;
    private final Progress progress;
    private final Stop stop;
    private final Counter linesRead;
    private final LogTail tail;

    private LogFile file;
    private LineReader reader;
    private UnconfirmedLines unconfirmed;
    private long published;
    private long lastSave;

    LogShipper(Path path, boolean follow, CheckpointStore checkpoints, Publisher publisher, Progress progress,
               Stop stop, MeterRegistry metrics) {
        this.path = path;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.progress = progress;
        this.stop = stop;
        this.linesRead = metrics.counter("weblogs.lines.read");
        this.tail = new LogTail(path, follow, stop, this);
    }

    /**
     * Publishes from where the last run stopped (or from the start) to the end of the file, or until a stop
     * with follow; then says what it did on {@code out}.
     *
     * @return whether every published line was confirmed
     * @throws PublishException when the broker refused or could not route a line
     */
    boolean run(boolean fromStart, PrintStream out) throws IOException {
        ResumePoint start = fromStart ? ResumePoint.start(path) : ResumePoint.after(path, checkpoints.load(path));
        long began = System.nanoTime();
        boolean confirmed = false;
        try {
            tail.run(start);
        } catch (Stop.Stopped e) {
            // Stopped while waiting for the broker: the end is the same as after a stop request.
        } finally {
            try {
                confirmed = publisher.awaitConfirms(stop.isRequested() ? STOP_CONFIRM_TIMEOUT : FINAL_CONFIRM_TIMEOUT);
            } finally {
                if (file != null) {
                    // Even after a refusal: the checkpoint stops before the refused line.
                    save();
                    progress.update(published, reader.position(), file.size());
                }
                progress.close();
                tail.close();
                summarize(out, began, confirmed);
            }
        }
        return confirmed;
    }

    private void summarize(PrintStream out, long began, boolean confirmed) {
        double seconds = (System.nanoTime() - began) / 1e9;
        long skipped = tail.skipped();
        out.printf(Locale.ROOT, "published %d lines of %s in %.1f s (%.0f lines/s)%s%s%n", published, path, seconds,
                published / Math.max(seconds, 1e-9), confirmed ? ", all confirmed" : "; " + publisher.unconfirmed()
                        + " not confirmed, they will be published again on the next run",
                skipped == 0 ? "" : "; " + skipped + " lines longer than " + LineReader.MAX_LINE_BYTES
                        + " bytes skipped (see the warnings)");
    }

    @Override
    public void opened(LogFile opened, LineReader openedReader) throws IOException {
        file = opened;
        reader = openedReader;
        unconfirmed = new UnconfirmedLines();
        save();
    }

    @Override
    public void line(Line line) throws IOException {
        UnconfirmedLines lines = unconfirmed;
        lines.published(line);
        publisher.publish(line.bytes(), line.occurrenceKey(), () -> lines.confirmed(line));
        published++;
        linesRead.increment();
        if ((published & 1023) == 0) {
            tick();
        }
    }

    @Override
    public void idle() throws IOException {
        tick();
        publisher.maintain();
    }

    /** A checkpoint describes one file, so every line of this one is confirmed before the next is opened. */
    @Override
    public void finished(LogFile finished) throws IOException {
        while (!publisher.awaitConfirms(Duration.ofSeconds(1)) && !stop.isRequested()) {
            tick();
        }
    }

    private void tick() throws IOException {
        long now = System.nanoTime();
        progress.update(published, reader.position(), file.size());
        if (now - lastSave >= SAVE_EVERY.toNanos()) {
            save();
            lastSave = now;
        }
    }

    private void save() throws IOException {
        checkpoints.save(path, unconfirmed.checkpoint(file.head(), reader.position(), reader.hash()));
    }
}
