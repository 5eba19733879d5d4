package dev.weblogs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run starts reading a log path: where the last run's checkpoint says, in the file that run read
 * (under its rotated name, {@code access.log.1}, if the log was rotated since: its unread end comes first),
 * or at the start of the log.
 *
 * @param file     the file to read first
 * @param position where in it
 * @param hash     the {@link ContentHash} of its bytes before {@code position}
 */
public record ResumePoint(Path file, long position, long hash) {

    private static final Logger log = LoggerFactory.getLogger(ResumePoint.class);

    public static ResumePoint start(Path path) {
        return new ResumePoint(path, 0, ContentHash.EMPTY);
    }

    /** Whether reading starts in a rotated file rather than at the log's own path. */
    public boolean isRotated(Path path) {
        return !file.equals(path);
    }

    /** Where to continue {@code path} after the checkpoint {@code saved} ({@code null}: none). */
    public static ResumePoint after(Path path, Checkpoint saved) throws IOException {
        return after(path, saved, List.of(), file -> false);
    }

    /**
     * Where to continue {@code path}: after its own checkpoint {@code saved} ({@code null}: none) if the file still
     * holds what it describes; else after any of the {@code known} checkpoints whose content the file holds (it was
     * read before under another name: rotated, or compressed since); else in the file its own
     * checkpoint describes under its rotated name beside it, unless that file is {@code shippedOnItsOwn}; else at
     * its start.
     */
    public static ResumePoint after(Path path, Checkpoint saved, Collection<Checkpoint> known,
                                    Predicate<Path> shippedOnItsOwn)
            throws IOException {
        if (saved != null && holds(path, saved)) {
            if (saved.position() > 0) {
                log.info("resuming {} at byte {} (--from-start reads it all again)", path, saved.position());
            }
            return at(path, saved);
        }
        Checkpoint before = furthestHeld(path, known);
        if (before != null) {
            log.info("{} holds what an earlier run read under another name: continuing at byte {}", path,
                    before.position());
            return at(path, before);
        }
        if (saved == null) {
            return start(path);
        }
        Path rotated = rotatedFile(path, saved, shippedOnItsOwn);
        if (rotated != null) {
            log.info("{} was rotated since the last run: finishing {} from byte {} first", path, rotated,
                    saved.position());
            return at(rotated, saved);
        }
        log.info("{} is not the file the last run read (replaced or truncated): reading it from its start", path);
        return start(path);
    }

    private static ResumePoint at(Path file, Checkpoint saved) throws IOException {
        long hash = saved.prefixHash() != null ? saved.prefixHash() : hashBefore(file, saved.position());
        return new ResumePoint(file, saved.position(), hash);
    }

    /** Of the checkpoints whose content {@code file} holds, the one furthest on; {@code null} if none. */
    private static Checkpoint furthestHeld(Path file, Collection<Checkpoint> known) throws IOException {
        if (known.isEmpty()) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return furthestHeld(FileHead.read(channel, FileHead.LENGTH).bytes(), channel.size(), known);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Of the checkpoints whose content starts with {@code head} and reaches their position (the content is
     * {@code size} bytes long), the one furthest on; {@code null} if none.
     */
    static Checkpoint furthestHeld(byte[] head, long size, Collection<Checkpoint> known) {
        Map<Integer, String> md5ByLength = new HashMap<>();
        Checkpoint furthest = null;
        for (Checkpoint checkpoint : known) {
            int length = checkpoint.fingerprintLength();
            if (checkpoint.position() > 0 && length <= head.length && size >= checkpoint.position()
                    && (furthest == null || checkpoint.position() > furthest.position())
                    && md5ByLength.computeIfAbsent(length, n -> FileHead.md5(head, n)).equals(checkpoint.fingerprint())) {
                furthest = checkpoint;
            }
        }
        return furthest;
    }

    /**
     * After a copytruncate of {@code path}: its copy beside it ({@code access.log.1}), found by content, when
     * the copy holds more than the {@code position} bytes read of the log (lines written before the copy and
     * not read before the truncate); {@code null} if there is none.
     */
    static Path copyWithMore(Path path, FileHead head, long position) throws IOException {
        return rotatedFile(path, Checkpoint.of(head, position, ContentHash.EMPTY), copy -> {
            try {
                return Files.size(copy) <= position;
            } catch (IOException e) {
                return true;
            }
        });
    }

    /** The file the checkpoint describes under a rotated name beside the log, if it is still there. */
    private static Path rotatedFile(Path path, Checkpoint saved, Predicate<Path> shippedOnItsOwn)
            throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        String name = path.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory, name + "?*")) {
            for (Path sibling : siblings) {
                if (Files.isRegularFile(sibling) && !sibling.toString().endsWith(".gz")
                        && !shippedOnItsOwn.test(sibling) && holds(sibling, saved)) {
                    return sibling;
                }
            }
        }
        return null;
    }

    /** Whether {@code file} starts with the head the checkpoint saw and reaches its position. */
    private static boolean holds(Path file, Checkpoint saved) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileHead head = FileHead.read(channel, saved.fingerprintLength());
            return head.length() == saved.fingerprintLength() && head.md5().equals(saved.fingerprint())
                    && channel.size() >= saved.position();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The content hash of a file's first bytes, for a checkpoint written before hashes were kept. */
    private static long hashBefore(Path file, long position) throws IOException {
        long hash = ContentHash.EMPTY;
        byte[] buffer = new byte[1 << 16];
        long left = position;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                hash = ContentHash.extend(hash, buffer, 0, n);
                left -= n;
            }
        }
        return hash;
    }
}
