package dev.weblogs.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The first bytes of a log file, up to {@link #LENGTH}: what recognises its content later, under another
 * name or after a restart. It grows as a new file is read, and is compared, never re-read, afterwards.
 */
public final class FileHead {

    public static final int LENGTH = 1024;

    private volatile byte[] bytes;

    private FileHead(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The head of a file opened at its start: what is read of it becomes its head. */
    static FileHead empty() {
        return new FileHead(new byte[0]);
    }

    /** Up to {@link #LENGTH} bytes of the start of {@code channel}, no further than {@code limit}. */
    static FileHead read(FileChannel channel, long limit) throws IOException {
        ByteBuffer into = ByteBuffer.allocate((int) Math.min(LENGTH, limit));
        while (into.hasRemaining() && channel.read(into, into.position()) >= 0) {
            // until full or at the end
        }
        return new FileHead(Arrays.copyOf(into.array(), into.position()));
    }

    /** Takes into the head what of {@code buffer[offset, offset + n)}, read at file position {@code at}, belongs to it. */
    void extend(byte[] buffer, int offset, int n, long at) {
        if (at < LENGTH && at == bytes.length) {
            int take = (int) Math.min(n, LENGTH - at);
            if (take > 0) {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + take);
                System.arraycopy(buffer, offset, longer, bytes.length, take);
                bytes = longer;
            }
        }
    }

    /** Whether {@code channel} still starts with these bytes. */
    boolean matches(FileChannel channel) throws IOException {
        if (bytes.length == 0) {
            return true;
        }
        ByteBuffer now = ByteBuffer.allocate(bytes.length);
        while (now.hasRemaining()) {
            if (channel.read(now, now.position()) < 0) {
                return false;
            }
        }
        return Arrays.equals(now.array(), bytes);
    }

    public int length() {
        return bytes.length;
    }

    /** The md5 of the head, lowercase hex, as checkpoints keep it. */
    public String md5() {
        byte[] now = bytes;
        return md5(now, now.length);
    }

    byte[] bytes() {
        return bytes;
    }

    static String md5(byte[] bytes, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, 0, length);
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
