package dev.weblogs.app;

import dev.weblogs.amqp.LogPublisher;
import dev.weblogs.amqp.PublishException;
import dev.weblogs.cli.SettingException;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.source.LogFile;
import dev.weblogs.source.ReadState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a log file line by line and publishes every line, remembering in the state folder how far the
 * broker has confirmed, so that a restart continues where the last run stopped. With {@code follow}, it
 * keeps reading lines as they are appended, across rename-and-create and copytruncate rotation.
 */
public final class ProducerService {

    private static final Logger log = LoggerFactory.getLogger(ProducerService.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How long a rotated-away file must stay unchanged before it counts as finished. */
    private static final Duration ROTATION_GRACE = Duration.ofSeconds(1);
    /** How long a run without --follow waits for the newline of an unterminated last line. */
    private static final Duration UNTERMINATED_LINE_PATIENCE = Duration.ofSeconds(5);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    private static final Duration FINAL_CONFIRM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final Path path;
    private final boolean follow;
    private final Path stateLocation;
    private final LogPublisher publisher;
    private final Progress progress;
    private final Counter linesRead;
    private volatile boolean stopRequested;

    private LogFile file;
    private LineReader reader;
    private long published;
    private long skippedBefore;
    private long lastSave;

    /**
     * @param stateDir  where to keep the read state; {@code null} to keep none
     * @param publisher where the lines go
     */
    public ProducerService(Path path, boolean follow, Path stateDir, LogPublisher publisher, Progress progress,
                           MeterRegistry metrics) {
        this.path = path;
        this.follow = follow;
        this.stateLocation = ReadState.location(stateDir, path);
        this.publisher = publisher;
        this.progress = progress;
        this.linesRead = metrics.counter("weblogs.lines.read");
    }

    /** Checks that the log file can be read, before anything connects anywhere. */
    public static void checkReadable(Path path) {
        if (!Files.exists(path)) {
            throw new SettingException("--log-file", path + " does not exist");
        }
        if (Files.isDirectory(path) || !Files.isReadable(path)) {
            throw new SettingException("--log-file", path + " is not a readable file");
        }
    }

    /** Checks that the state folder can be created and written, before anything is published. */
    public static void checkWritable(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Files.delete(Files.createTempFile(stateDir, ".write-check", ".tmp"));
        } catch (AccessDeniedException | SecurityException e) {
            throw new SettingException("--state-dir", "cannot write to " + stateDir + " (permission denied)");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "");
            throw new SettingException("--state-dir", "cannot write to " + stateDir + " (" + reason + ")");
        }
    }

    /**
     * Asks a running {@link #run} to stop: it stops reading, waits for confirms, saves its state. An
     * interrupt of the thread running it does the same.
     */
    public void stop() {
        stopRequested = true;
        publisher.stop();
    }

    /**
     * Publishes from where the last run stopped (or from the start) to the end of the file, or forever
     * with {@code follow}, until {@link #stop()}.
     *
     * @return whether every published line was confirmed
     */
    public boolean run(boolean fromStart, PrintStream out) throws IOException, InterruptedException {
        Resume resume = fromStart ? new Resume(path, 0) : resumePoint();
        long began = System.nanoTime();
        open(resume.file(), resume.position());
        boolean confirmed;
        try {
            if (!resume.file().equals(path)) {
                finishRotatedFile();
            }
            ship();
        } catch (InterruptedException e) {
            // An interrupt is a stop request, as SIGTERM is.
            stopRequested = true;
        } finally {
            confirmed = finish(out, began);
        }
        return confirmed;
    }

    /** Waits for the outstanding confirms, saves the position, says what was done; whether all is confirmed. */
    private boolean finish(PrintStream out, long began) throws IOException, InterruptedException {
        boolean confirmed;
        try {
            confirmed = publisher.awaitConfirms(stopRequested ? STOP_CONFIRM_TIMEOUT : FINAL_CONFIRM_TIMEOUT);
        } catch (PublishException e) {
            // The run fails with this; the position saved stops before the refused line.
            confirmed = false;
        }
        saveState();
        progress.update(published, reader.position(), file.size());
        progress.close();
        file.close();
        double seconds = (System.nanoTime() - began) / 1e9;
        long skipped = skippedBefore + reader.skipped();
        out.printf(Locale.ROOT, "published %d lines of %s in %.1f s (%.0f lines/s)%s%s%n", published, path,
                seconds, published / Math.max(seconds, 1e-9),
                confirmed ? ", all confirmed" : "; " + publisher.unconfirmedCount()
                        + " not confirmed, they will be published again on the next run",
                skipped == 0 ? "" : "; " + skipped + " lines longer than " + LineReader.MAX_LINE_BYTES
                        + " bytes skipped (see the warnings)");
        return confirmed;
    }

    /** Where to start: a file and a position in it. */
    private record Resume(Path file, long position) {
    }

    /**
     * Where the last run stopped: in the log file if it is still the file that run read; in that file under
     * its rotated name if the log was rotated since (its unread end is published first); otherwise at the
     * start of the log file.
     */
    private Resume resumePoint() throws IOException {
        ReadState saved;
        try {
            saved = ReadState.load(stateLocation);
        } catch (IOException e) {
            throw new SettingException("--state-dir", stateLocation + " cannot be read (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); delete it, or use --from-start");
        }
        if (saved == null) {
            return new Resume(path, 0);
        }
        if (isDescribedBy(path, saved)) {
            if (saved.position() > 0) {
                log.info("resuming {} at byte {} (--from-start reads it all again)", path, saved.position());
            }
            return new Resume(path, saved.position());
        }
        Path rotated = rotatedFile(saved);
        if (rotated != null) {
            log.info("{} was rotated since the last run: finishing {} from byte {} first", path, rotated,
                    saved.position());
            return new Resume(rotated, saved.position());
        }
        log.info("{} is not the file the last run read (replaced or truncated): reading it from its start", path);
        return new Resume(path, 0);
    }

    /** The file the last run read, under a rotated name beside the log ({@code access.log.1}), if still there. */
    private Path rotatedFile(ReadState saved) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        String name = path.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory, name + "?*")) {
            for (Path sibling : siblings) {
                if (Files.isRegularFile(sibling) && !sibling.toString().endsWith(".gz") && isDescribedBy(sibling, saved)) {
                    return sibling;
                }
            }
        }
        return null;
    }

    private static boolean isDescribedBy(Path file, ReadState saved) throws IOException {
        try (LogFile candidate = LogFile.open(file, 0)) {
            LogFile.Fingerprint now = candidate.fingerprint(saved.fingerprintLength());
            return now.md5().equals(saved.fingerprint()) && now.length() == saved.fingerprintLength()
                    && candidate.size() >= saved.position();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void open(Path logFile, long position) throws IOException {
        try {
            file = LogFile.open(logFile, position);
        } catch (NoSuchFileException e) {
            throw new SettingException("--log-file", logFile + " does not exist");
        }
        reader = new LineReader(file.stream(), position);
        publisher.startAt(position);
    }

    private void ship() throws IOException, InterruptedException {
        while (!stopRequested) {
            Line line = reader.next(false);
            if (line != null) {
                publish(line);
                if ((published & 1023) == 0) {
                    tick();
                }
                continue;
            }
            if (!follow) {
                finishFile();
                return;
            }
            if (file.wasReplaced()) {
                finishRotatedFile();
            } else if (file.wasTruncated()) {
                log.info("{} was truncated (copytruncate rotation): reading it from its start", path);
                reopenAtStart();
            } else {
                tick();
                publisher.maintain();
                Thread.sleep(IDLE_POLL.toMillis());
            }
        }
    }

    /**
     * The end of a file read once. A last line without its newline may still be being written: it is
     * published once the file has been quiet for a moment, or, if the file keeps growing, left for the
     * next run rather than published in two pieces.
     */
    private void finishFile() throws IOException, InterruptedException {
        long size = file.size();
        long quietSince = System.nanoTime();
        long giveUp = quietSince + UNTERMINATED_LINE_PATIENCE.toNanos();
        while (reader.position() < file.size() && !stopRequested) {
            Line line = reader.next(false);
            if (line != null) {
                publish(line);
                continue;
            }
            long now = System.nanoTime();
            if (file.size() != size) {
                size = file.size();
                quietSince = now;
            } else if (now - quietSince >= ROTATION_GRACE.toNanos()) {
                for (Line last = reader.next(true); last != null; last = reader.next(true)) {
                    publish(last);
                }
                return;
            }
            if (now >= giveUp) {
                log.info("{} ends with a line still being written: it is left for the next run", path);
                return;
            }
            Thread.sleep(IDLE_POLL.toMillis());
        }
    }

    private void publish(Line line) throws InterruptedException {
        publisher.publish(line.bytes(), line.start(), line.end());
        published++;
        linesRead.increment();
    }

    /**
     * Rename-and-create: the rest of the old file, which the server may still write to until it reopens
     * its log, so until it has been quiet for a moment; then its last line even without newline; then
     * the new file.
     */
    private void finishRotatedFile() throws IOException, InterruptedException {
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < ROTATION_GRACE.toNanos() && !stopRequested) {
            Line line = reader.next(false);
            if (line != null) {
                publish(line);
                quietSince = System.nanoTime();
            } else {
                Thread.sleep(IDLE_POLL.toMillis());
            }
        }
        for (Line line = reader.next(true); line != null; line = reader.next(true)) {
            publish(line);
        }
        log.info("{} was rotated: finished the old file, reading the new one", path);
        reopenAtStart();
    }

    /** The state describes one file, so every line of the current one is confirmed before switching. */
    private void reopenAtStart() throws IOException, InterruptedException {
        while (!publisher.awaitConfirms(Duration.ofSeconds(1))) {
            if (stopRequested) {
                return;
            }
        }
        file.close();
        skippedBefore += reader.skipped();
        open(path, 0);
        saveState();
    }

    private void tick() throws IOException {
        long now = System.nanoTime();
        progress.update(published, reader.position(), file.size());
        if (now - lastSave >= SAVE_EVERY.toNanos()) {
            saveState();
            lastSave = now;
        }
    }

    private void saveState() throws IOException {
        LogFile.Fingerprint fingerprint = file.fingerprint(LogFile.FINGERPRINT_BYTES);
        new ReadState(path.toAbsolutePath().toString(), fingerprint.md5(), fingerprint.length(),
                publisher.confirmedPosition()).save(stateLocation);
    }
}
