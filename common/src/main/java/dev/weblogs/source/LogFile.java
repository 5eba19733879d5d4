package dev.weblogs.source;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An open log file, and what has become of its path since it was opened: still the same file, replaced
 * by a new one (rename-and-create rotation) or truncated (copytruncate rotation).
 */
public final class LogFile implements Closeable {

    /** How much of the start of a file identifies it. */
    public static final int FINGERPRINT_BYTES = 1024;

    private final Path path;
    private final FileInputStream in;
    private final FileChannel channel;
    private final Object fileKey;

    private LogFile(Path path, FileInputStream in, Object fileKey) {
        this.path = path;
        this.in = in;
        this.channel = in.getChannel();
        this.fileKey = fileKey;
    }

    /** Opens {@code path} positioned at {@code position}. */
    public static LogFile open(Path path, long position) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        FileInputStream in = new FileInputStream(path.toFile());
        Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        LogFile file = new LogFile(path, in, key);
        file.channel.position(position);
        return file;
    }

    /** The stream of the file's bytes from the position it was opened at. */
    public InputStream stream() {
        return in;
    }

    public long size() throws IOException {
        return channel.size();
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

    /** Whether the file is now shorter than what was read of it (it was truncated). */
    public boolean wasTruncated() throws IOException {
        return channel.size() < channel.position();
    }

    /** A digest of the first {@code length} bytes, to recognise the file later by its content. */
    public Fingerprint fingerprint(int length) throws IOException {
        return Fingerprint.of(channel, length);
    }


    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The md5 of a file's first {@code length} bytes.
     */
    public record Fingerprint(String md5, int length) {

        /** Of the file's first bytes as they are now: up to {@link #FINGERPRINT_BYTES}. */
        static Fingerprint of(FileChannel channel, int length) throws IOException {
            ByteBuffer head = ByteBuffer.allocate(length);
            long at = 0;
            while (head.hasRemaining()) {
                int n = channel.read(head, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                md5.update(head.array(), 0, head.position());
                return new Fingerprint(HexFormat.of().formatHex(md5.digest()), head.position());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
