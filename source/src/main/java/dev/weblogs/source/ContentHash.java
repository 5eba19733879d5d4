package dev.weblogs.source;

/**
 * A running 64-bit FNV-1a hash of a file's bytes from its first byte on. The hash of everything before a
 * line, with the line's position, names that physical line: it is the same whenever and under whatever
 * name the same content is read (a rerun, the file after a rename, a copy, its decompressed .gz), and it
 * can be resumed from a checkpoint, since its whole state is one number.
 */
public final class ContentHash {

    /** The hash of no bytes. */
    public static final long EMPTY = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ContentHash() {
    }

    /** {@code hash} extended by {@code bytes[from, to)}. */
    public static long extend(long hash, byte[] bytes, int from, int to) {
        long h = hash;
        for (int i = from; i < to; i++) {
            h ^= bytes[i] & 0xff;
            h *= PRIME;
        }
        return h;
    }
}
