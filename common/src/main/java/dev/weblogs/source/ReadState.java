package dev.weblogs.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How far a log file has been published and confirmed, kept in a small JSON file per input file in the
 * state folder, so that a restarted producer continues where it stopped. The file it describes is
 * recognised by the md5 of its first bytes, so a new file at the same path is read from its start.
 *
 * @param file        the absolute path of the log file
 * @param fingerprint md5 of the file's first {@code fingerprintLength} bytes
 * @param position    every line before this byte is confirmed by the broker
 */
public record ReadState(String file, String fingerprint, int fingerprintLength, long position) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the state of {@code logFile} is kept in {@code stateDir}. */
    public static Path location(Path stateDir, Path logFile) {
        String absolute = logFile.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.getBytes(StandardCharsets.UTF_8));
            String name = logFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return stateDir.resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The saved state, or {@code null} when there is none. */
    public static ReadState load(Path location) throws IOException {
        if (!Files.exists(location)) {
            return null;
        }
        return JSON.readValue(location.toFile(), ReadState.class);
    }

    /** Writes the state so that a crash at any moment leaves either the old or the new one. */
    public void save(Path location) throws IOException {
        Files.createDirectories(location.getParent());
        Path temporary = location.resolveSibling(location.getFileName() + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(ByteBuffer.wrap(JSON.writeValueAsBytes(this)));
            // On disk before the rename, or a power cut could leave an empty state behind.
            file.force(true);
        }
        try {
            Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
