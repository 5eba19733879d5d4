package dev.weblogs.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * An open log file, and what has become of it since it was opened: still the same, renamed away with a
 * new file at its path (rename-and-create rotation), or truncated and perhaps written anew (copytruncate).
 *
 * <p>Its {@link #stream() stream} checks, after every read, that the file still holds what was read before:
 * its first bytes (its {@link FileHead head}) and the bytes just before the read. A file truncated and
 * regrown past the read position between two reads would otherwise hand over the middle of a new line as
 * if it were the rest of the old content; here the read is discarded and {@link #contentChanged()} says
 * why.
 */
public final class LogFile implements ReadableLog, Closeable {

    private final Path path;
    /** {@code null} while {@linkplain #suspend() suspended}. */
    private FileChannel channel;
    private final Object fileKey;
    private final FileHead head;
    private final ReadTail tail = new ReadTail();
    private long position;
    private volatile boolean contentChanged;

    private LogFile(Path path, FileChannel channel, Object fileKey, FileHead head, long position) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.head = head;
        this.position = position;
    }

    /**
     * Opens {@code path} at {@code position}. Its head is read from the file when opened at a later position,
     * and taken from what is read when opened at its start.
     */
    public static LogFile open(Path path, long position) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            FileHead head = position == 0 ? FileHead.empty() : FileHead.read(channel, position);
            LogFile file = new LogFile(path, channel, key, head, position);
            file.tail.load(channel, position);
            return file;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public FileHead head() {
        return head;
    }

    /** The file's bytes from the position it was opened at; ends early when {@link #contentChanged()}. */
    public InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return LogFile.this.read(buffer, offset, length);
            }
        };
    }

    private int read(byte[] buffer, int offset, int length) throws IOException {
        if (contentChanged || length == 0 || channel == null) {
            return contentChanged || channel == null ? -1 : 0;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
        if (n <= 0) {
            return -1;
        }
        if (!stillHoldsWhatWasRead()) {
            contentChanged = true;
            return -1;
        }
        head.extend(buffer, offset, n, position);
        position += n;
        tail.append(buffer, offset, n);
        return n;
    }

    private boolean stillHoldsWhatWasRead() throws IOException {
        return head.matches(channel) && tail.isIn(channel, position);
    }

    /** Position of the next byte {@link #stream()} returns. */
    public long position() {
        return position;
    }

    @Override
    public long bytesRead(long position) {
        return position;
    }

    /** The file's size now; while suspended, what was read of it. */
    @Override
    public long size() throws IOException {
        return channel == null ? position : channel.size();
    }

    /**
     * Closes the file for a while, to hold no file open while it stays quiet (a host with hundreds of logs);
     * {@link #resume()} opens it again where reading stood.
     */
    public void suspend() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    public boolean isSuspended() {
        return channel == null;
    }

    /** Whether a suspended file has something new to read: it grew, or it is no longer the file at its path. */
    public boolean grewOrMoved() {
        try {
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
            return !Objects.equals(now.fileKey(), fileKey) || now.size() != position;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Opens a suspended file again: at its path, or, when it was renamed away meanwhile (a rotation), under its new
     * name in the same folder, found by its file key, so that what the server wrote to it before reopening its log
     * is still read.
     *
     * @return whether the file was found; if not, it is gone, and reading goes on with the file at the path
     */
    public boolean resume() throws IOException {
        if (channel != null) {
            return true;
        }
        Path found = Files.exists(path) && sameFile(path) ? path : renamed();
        if (found == null) {
            return false;
        }
        channel = FileChannel.open(found, StandardOpenOption.READ);
        if (!stillHoldsWhatWasRead() || channel.size() < position) {
            contentChanged = true;
        }
        return true;
    }

    private Path renamed() throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        try (var siblings = Files.list(folder)) {
            return siblings.filter(Files::isRegularFile).filter(this::sameFile).findFirst().orElse(null);
        }
    }

    private boolean sameFile(Path candidate) {
        try {
            return fileKey != null && fileKey.equals(Files.readAttributes(candidate, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the path now names another file than the one open (it was rotated away). */
    public boolean wasReplaced() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return fileKey != null && !Objects.equals(key, fileKey);
        } catch (IOException e) {
            // Between the rename and the create there is no file at the path: not replaced yet.
            return false;
        }
    }

    /**
     * Whether the file no longer holds what was read of it: shorter than the read position, or other bytes
     * at its start or just before that position (it was truncated, and maybe written anew).
     */
    public boolean contentChanged() throws IOException {
        if (!contentChanged && channel != null && (channel.size() < position || !stillHoldsWhatWasRead())) {
            contentChanged = true;
        }
        return contentChanged;
    }

    @Override
    public void close() throws IOException {
        suspend();
    }
}
