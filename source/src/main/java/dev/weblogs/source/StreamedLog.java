package dev.weblogs.source;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A log read once from its first byte to its end, as a stream: a compressed file of the log's history
 * ({@code access.log.2.gz}, read decompressed), or standard input. Its head is what its first bytes turn out
 * to be; its progress is counted in the bytes taken from the file (compressed ones) or the pipe.
 */
public final class StreamedLog implements ReadableLog, Closeable {

    private final InputStream raw;
    private final InputStream content;
    private final long size;
    private final FileHead head = FileHead.empty();
    private long rawRead;
    private long contentRead;

    private StreamedLog(InputStream raw, boolean compressed, long size) throws IOException {
        this.raw = raw;
        this.size = size;
        InputStream counted = new FilterInputStream(raw) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                rawRead += Math.max(n, 0);
                return n;
            }
        };
        this.content = compressed ? new GZIPInputStream(counted, 1 << 16) : counted;
    }

    /** Whether {@code path} names a compressed log, read decompressed and once. */
    public static boolean isCompressed(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The decompressed content of a {@code .gz} file. */
    public static StreamedLog gzip(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return new StreamedLog(in, true, Files.size(path));
        } catch (IOException e) {
            in.close();
            throw new IOException(path + " is not a gzip file (" + e.getMessage() + ")", e);
        }
    }

    /** What {@code in} (standard input) holds, to its end. */
    public static StreamedLog of(InputStream in) throws IOException {
        return new StreamedLog(new BufferedInputStream(in, 1 << 16), false, -1);
    }

    /** The content, from its first byte. */
    public InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = content.read(buffer, offset, length);
                if (n > 0) {
                    head.extend(buffer, offset, n, contentRead);
                    contentRead += n;
                }
                return n;
            }
        };
    }

    @Override
    public FileHead head() {
        return head;
    }

    @Override
    public long bytesRead(long position) {
        return rawRead;
    }

    /** The file's size; for a pipe, what came through it so far. */
    @Override
    public long size() {
        return size < 0 ? rawRead : size;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
