package dev.weblogs.source;

import dev.weblogs.lifecycle.Stop;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a log path line by line from a {@link ResumePoint}: to its end, or with {@code follow} as the server
 * appends, across rename-and-create rotation (the old file is finished first) and copytruncate rotation
 * (the file is read again from its start once its content is no longer what was read). Each line goes to
 * a {@link Handler}; where lines go is not this class's business.
 */
public final class LogTail implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(LogTail.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How long a file must stay unchanged before it counts as finished, its last line even without newline. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** How long a run without follow waits for the newline of an unterminated last line. */
    private static final Duration UNTERMINATED_LINE_PATIENCE = Duration.ofSeconds(5);
    /** A followed file quiet this long is closed, and opened again when it grows. */
    private static final Duration SUSPEND_AFTER = Duration.ofSeconds(30);

    /** What the lines are for (of a followed file, or of one read once). Called on the reading thread. */
    public interface Handler {

        /** Reading starts in {@code file}, from where {@code reader} stands. */
        void opened(ReadableLog file, LineReader reader) throws IOException;

        void line(Line line) throws IOException;

        /** Nothing new to read for now. */
        void idle() throws IOException;

        /** The current file is finished: settle every line handed over before the next file is opened. */
        void finished(ReadableLog file) throws IOException;
    }

    private final Path path;
    private final boolean follow;
    private final Stop stop;
    private final Handler handler;
    private final Duration suspendAfter;
    private LogFile file;
    private LineReader reader;
    private long skippedBefore;

    public LogTail(Path path, boolean follow, Stop stop, Handler handler) {
        this(path, follow, stop, handler, SUSPEND_AFTER);
    }

    LogTail(Path path, boolean follow, Stop stop, Handler handler, Duration suspendAfter) {
        this.path = path;
        this.follow = follow;
        this.stop = stop;
        this.handler = handler;
        this.suspendAfter = suspendAfter;
    }

    /** Reads until the end of the file (without follow) or a stop request; the file stays open until {@link #close()}. */
    public void run(ResumePoint start) throws IOException {
        open(start.file(), start.position(), start.hash());
        if (start.isRotated(path)) {
            drainUntilQuiet(null);
            switchToNewFile();
        }
        long quietSince = System.nanoTime();
        while (!stop.isRequested()) {
            if (file.isSuspended() && !wakeUp()) {
                handler.idle();
                stop.pause(IDLE_POLL);
                continue;
            }
            Line line = reader.next(false);
            if (line != null) {
                handler.line(line);
                quietSince = System.nanoTime();
            } else if (!follow) {
                finishFile();
                return;
            } else if (file.wasReplaced()) {
                drainUntilQuiet(null);
                log.info("{} was rotated: finished the old file, reading the new one", path);
                switchToNewFile();
            } else if (file.contentChanged()) {
                finishCopy();
                log.info("{} was truncated (copytruncate rotation): reading it from its start", path);
                switchToNewFile();
            } else {
                handler.idle();
                if (!file.isSuspended() && System.nanoTime() - quietSince > suspendAfter.toNanos()) {
                    file.suspend();
                }
                stop.pause(IDLE_POLL);
            }
        }
    }

    /**
     * Whether a suspended file is to be read again: it grew, or was rotated away (then its rest is read where it
     * went, or, if it is gone, the file now at the path is). False while it stays as it was.
     */
    private boolean wakeUp() throws IOException {
        if (!file.grewOrMoved()) {
            return false;
        }
        if (!file.resume()) {
            log.info("{} was rotated and the old file is gone: reading the new one", path);
            switchToNewFile();
        }
        return true;
    }

    /** Overlong lines skipped so far, in every file read. */
    public long skipped() {
        return skippedBefore + reader.skipped();
    }

    /** The end of a file read once: a last line without newline waits for quiet, and is left if it keeps growing. */
    private void finishFile() throws IOException {
        if (reader.position() < file.size() && !drainUntilQuiet(UNTERMINATED_LINE_PATIENCE)) {
            log.info("{} ends with a line still being written: it is left for the next run", path);
        }
    }

    /**
     * Reads until the file has not grown for {@link #QUIET}, then takes its last line even without newline
     * (a server may still write to a file renamed away until it reopens its log).
     *
     * @param patience how long to wait for that at most ({@code null}: as long as it takes)
     * @return whether the file went quiet in time
     */
    private boolean drainUntilQuiet(Duration patience) throws IOException {
        long began = System.nanoTime();
        long quietSince = began;
        long size = file.size();
        while (!stop.isRequested()) {
            Line line = reader.next(false);
            long now = System.nanoTime();
            if (line != null) {
                handler.line(line);
                quietSince = now;
                continue;
            }
            if (file.size() != size) {
                size = file.size();
                quietSince = now;
            } else if (now - quietSince >= QUIET.toNanos()) {
                for (Line last = reader.next(true); last != null; last = reader.next(true)) {
                    handler.line(last);
                }
                return true;
            }
            if (patience != null && now - began >= patience.toNanos()) {
                return false;
            }
            handler.idle();
            stop.pause(IDLE_POLL);
        }
        return false;
    }

    /** After a copytruncate, the lines not read before the truncate are in the copy: read them there first. */
    private void finishCopy() throws IOException {
        Path copy = ResumePoint.copyWithMore(path, file.head(), reader.position());
        if (copy == null) {
            return;
        }
        long position = reader.position();
        long hash = reader.hash();
        handler.finished(file);
        if (stop.isRequested()) {
            return;
        }
        log.info("{} was truncated (copytruncate rotation): reading the rest of what it held from {}", path, copy);
        file.close();
        skippedBefore += reader.skipped();
        open(copy, position, hash);
        drainUntilQuiet(null);
    }

    private void switchToNewFile() throws IOException {
        handler.finished(file);
        if (stop.isRequested()) {
            return;
        }
        file.close();
        skippedBefore += reader.skipped();
        open(path, 0, ContentHash.EMPTY);
    }

    private void open(Path logFile, long position, long hash) throws IOException {
        file = LogFile.open(logFile, position);
        reader = new LineReader(file.stream(), position, hash);
        handler.opened(file, reader);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
