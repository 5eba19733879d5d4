package dev.weblogs.producer;

import dev.weblogs.amqp.PublishException;
import dev.weblogs.amqp.Publisher;
import dev.weblogs.cli.Progress;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.source.CheckpointStore;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.source.LogTail;
import dev.weblogs.source.ReadableLog;
import dev.weblogs.source.UnconfirmedLines;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Ships one log: each line its {@link Reading} reads is published with its occurrence key, and the position
 * up to which the broker has confirmed every line is saved as the log's checkpoint, every second and at the
 * end, so that the next run continues there. Several shippers share one publisher, each on its own thread.
 */
final class LogShipper implements LogTail.Handler {

    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    private static final Duration FINAL_CONFIRM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    /** What one shipper did. */
    record Shipped(String log, long published, int unconfirmed, long skipped, double seconds, boolean checkpointed) {
    }

    private final String name;
    private final Path checkpointPath;
    private final CheckpointStore checkpoints;
    private final Publisher publisher;
    private final Progress progress;
    private final Stop stop;
    private final Counter linesRead;

    private ReadableLog file;
    private LineReader reader;
    private volatile UnconfirmedLines unconfirmed;
    private long published;
    private long lastSave;

    /**
     * @param checkpointPath the path its checkpoint is saved for; {@code null} for none (standard input)
     */
    LogShipper(String name, Path checkpointPath, CheckpointStore checkpoints, Publisher publisher, Progress progress,
               Stop stop, Counter linesRead) {
        this.name = name;
        this.checkpointPath = checkpointPath;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.progress = progress;
        this.stop = stop;
        this.linesRead = linesRead;
    }

    /**
     * Publishes what {@code reading} reads, until its end or a stop request, and waits for the broker's
     * confirms of it.
     *
     * @throws PublishException when the broker refused or could not route a line
     */
    Shipped run(Reading reading) throws IOException {
        long began = System.nanoTime();
        try {
            reading.run(this);
        } catch (Stop.Stopped e) {
            // Stopped while waiting for the broker: the end is the same as after a stop request.
        } finally {
            try {
                publisher.awaitConfirmed(this::allConfirmed,
                        stop.isRequested() ? STOP_CONFIRM_TIMEOUT : FINAL_CONFIRM_TIMEOUT);
            } finally {
                if (file != null) {
                    // Even after a refusal: the checkpoint stops before the refused line.
                    save();
                    progress.update(published, file.bytesRead(reader.position()), file.size());
                }
                progress.close();
            }
        }
        return new Shipped(name, published, unconfirmed(), reading.skipped(), (System.nanoTime() - began) / 1e9,
                checkpointPath != null);
    }

    private boolean allConfirmed() {
        UnconfirmedLines lines = unconfirmed;
        return lines == null || lines.isEmpty();
    }

    /** How many lines are published and not confirmed yet. */
    int unconfirmed() {
        UnconfirmedLines lines = unconfirmed;
        return lines == null ? 0 : lines.size();
    }

    @Override
    public void opened(ReadableLog opened, LineReader openedReader) throws IOException {
        file = opened;
        reader = openedReader;
        unconfirmed = new UnconfirmedLines();
        save();
    }

    @Override
    public void line(Line line) throws IOException {
        UnconfirmedLines lines = unconfirmed;
        lines.published(line);
        try {
            publisher.publish(line.bytes(), line.occurrenceKey(), () -> lines.confirmed(line));
        } catch (RuntimeException e) {
            // Stopped (or refused) while waiting for room in the window: the line never went out.
            lines.notPublished(line);
            throw e;
        }
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
    public void finished(ReadableLog finished) throws IOException {
        while (!publisher.awaitConfirmed(this::allConfirmed, Duration.ofSeconds(1)) && !stop.isRequested()) {
            tick();
        }
    }

    private void tick() throws IOException {
        long now = System.nanoTime();
        progress.update(published, file.bytesRead(reader.position()), file.size());
        if (now - lastSave >= SAVE_EVERY.toNanos()) {
            save();
            lastSave = now;
        }
    }

    private void save() throws IOException {
        if (checkpointPath != null) {
            checkpoints.save(checkpointPath, unconfirmed.checkpoint(file.head(), reader.position(), reader.hash()));
        }
    }
}
