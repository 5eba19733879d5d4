package dev.weblogs.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a byte stream into lines without decoding it, so a line's bytes (and its md5) are exactly the
 * file's. Memory stays flat whatever the file size: one buffer, grown only for a line longer than it.
 *
 * <p>Reading past the current end of a growing file returns {@code null} and can be retried later: a
 * last line without its newline is held back until the newline arrives, unless the caller says the input
 * is complete. A UTF-8 byte order mark at the start of a file (as some editors write) is not part of the
 * first line. Every byte consumed, skipped ones included, extends the {@link ContentHash} that each line
 * carries.
 */
public final class LineReader implements Closeable {

    /**
     * Longer lines are skipped, with a warning. Even written out at its largest (every byte invalid UTF-8,
     * stored as a three-byte U+FFFD), a line this long fits a MEDIUMTEXT column and MariaDB's default 16 MiB
     * packet, so the data lake can always keep it.
     */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    /** The longest line and its {@code \r\n}, so that a line of exactly the limit is kept. */
    private static final int MAX_BUFFER = MAX_LINE_BYTES + 2;

    private static final Logger log = LoggerFactory.getLogger(LineReader.class);

    private final InputStream in;
    private byte[] buffer = new byte[64 * 1024];
    private int from;
    private int to;
    /** Position in the stream of {@code buffer[from]}. */
    private long position;
    /** {@link ContentHash} of the bytes before {@code position}. */
    private long hash;
    /** Bytes after {@code from} known to hold no newline. */
    private int scanned;
    private boolean skipping;
    private long skipped;
    private boolean atFileStart;

    /**
     * @param position where in the file {@code in} starts, so that lines report file positions
     * @param hash     the {@link ContentHash} of the file's bytes before {@code position}
     */
    public LineReader(InputStream in, long position, long hash) {
        this.in = in;
        this.position = position;
        this.hash = hash;
        this.atFileStart = position == 0;
    }

    /** A reader of a whole stream from its first byte. */
    public static LineReader fromStart(InputStream in) {
        return new LineReader(in, 0, ContentHash.EMPTY);
    }

    /**
     * The next complete line; {@code null} when the stream has no more for now.
     *
     * @param complete whether the input is finished, so that a last line without newline is a line too
     */
    public Line next(boolean complete) throws IOException {
        if (atFileStart) {
            skipByteOrderMark();
        }
        while (true) {
            for (int i = from + scanned; i < to; i++) {
                if (buffer[i] == '\n') {
                    Line line = cut(i, i + 1);
                    if (line != null) {
                        return line;
                    }
                    i = from - 1;
                }
            }
            scanned = to - from;
            if (!fill()) {
                Line last = complete && to > from ? cut(to, to) : null;
                if (last == null && complete && skipping) {
                    skipping = false;
                }
                return last;
            }
        }
    }

    private void skipByteOrderMark() throws IOException {
        atFileStart = false;
        while (to - from < 3 && fill()) {
            // the mark is three bytes
        }
        if (to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF) {
            consume(from + 3);
        }
    }

    /** The line from {@code from} to {@code end} (exclusive), its terminator ending at {@code next}. */
    private Line cut(int end, int next) {
        long start = position;
        int length = end - from;
        if (length > 0 && buffer[from + length - 1] == '\r') {
            length--;
        }
        if (length > MAX_LINE_BYTES) {
            // Fits the buffer only by the room kept for a terminator.
            countSkipped();
            skipping = true;
        }
        byte[] bytes = skipping || length == 0 ? null : Arrays.copyOfRange(buffer, from, from + length);
        long before = hash;
        consume(next);
        scanned = 0;
        skipping = false;
        return bytes == null ? null : new Line(bytes, start, position, before);
    }

    /** Reads more input; false at the (current) end of the stream. */
    private boolean fill() throws IOException {
        if (from > 0 && (from == to || to == buffer.length)) {
            System.arraycopy(buffer, from, buffer, 0, to - from);
            to -= from;
            from = 0;
        }
        if (to == buffer.length) {
            if (buffer.length >= MAX_BUFFER) {
                startSkipping();
            } else {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BUFFER));
            }
        }
        int n = in.read(buffer, to, buffer.length - to);
        if (n <= 0) {
            return false;
        }
        to += n;
        return true;
    }

    /** Drops the buffered start of an overlong line; the rest of it is dropped when its newline comes. */
    private void startSkipping() {
        countSkipped();
        skipping = true;
        consume(to);
        from = 0;
        to = 0;
        scanned = 0;
    }

    /** Moves past the buffered bytes before {@code next}. */
    private void consume(int next) {
        hash = ContentHash.extend(hash, buffer, from, next);
        position += next - from;
        from = next;
    }

    /** Counts and reports the line at {@code position} as overlong, once however many parts it comes in. */
    private void countSkipped() {
        if (!skipping) {
            skipped++;
            log.warn("line at byte {} is longer than {} bytes: skipped", position, MAX_LINE_BYTES);
        }
    }

    /** How many overlong lines were skipped. */
    public long skipped() {
        return skipped;
    }

    /** Position of the first byte not yet returned as (part of) a line. */
    public long position() {
        return position;
    }

    /** The {@link ContentHash} of the bytes before {@link #position()}. */
    public long hash() {
        return hash;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
