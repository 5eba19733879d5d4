package dev.weblogs.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The last bytes read of a file, at most 64: a file truncated and written anew past the read position
 * holds other bytes there, which its size alone would not tell.
 */
final class ReadTail {

    private static final int SIZE = 64;

    private final byte[] bytes = new byte[SIZE];
    private int length;

    /** Takes the bytes just before {@code position} from the file. */
    void load(FileChannel channel, long position) throws IOException {
        length = (int) Math.min(SIZE, position);
        ByteBuffer into = ByteBuffer.wrap(bytes, 0, length);
        while (into.hasRemaining()) {
            if (channel.read(into, position - length + into.position()) < 0) {
                length = into.position();
                break;
            }
        }
    }

    /** {@code n} bytes of {@code buffer} from {@code offset} were read after the ones kept. */
    void append(byte[] buffer, int offset, int n) {
        if (n >= SIZE) {
            System.arraycopy(buffer, offset + n - SIZE, bytes, 0, SIZE);
            length = SIZE;
        } else {
            int keep = Math.min(length, SIZE - n);
            System.arraycopy(bytes, length - keep, bytes, 0, keep);
            System.arraycopy(buffer, offset, bytes, keep, n);
            length = keep + n;
        }
    }

    /** Whether the file still holds these bytes just before {@code position}. */
    boolean isIn(FileChannel channel, long position) throws IOException {
        if (length == 0) {
            return true;
        }
        byte[] now = new byte[length];
        ByteBuffer into = ByteBuffer.wrap(now);
        long at = position - length;
        while (into.hasRemaining()) {
            if (channel.read(into, at + into.position()) < 0) {
                return false;
            }
        }
        return Arrays.equals(now, 0, length, bytes, 0, length);
    }
}
