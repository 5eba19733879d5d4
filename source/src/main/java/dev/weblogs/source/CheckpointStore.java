package dev.weblogs.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The checkpoints of the log files of a state folder, one small JSON file each, named after the log's
 * path. A save replaces the file atomically, on disk before the rename, so that a crash or power cut at
 * any moment leaves the old checkpoint or the new one.
 */
public final class CheckpointStore {

    // Files of earlier versions also hold the log's path, which nothing reads.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path folder;

    public CheckpointStore(Path folder) {
        this.folder = folder;
    }

    /** Where the checkpoint of {@code logFile} is kept. */
    public Path location(Path logFile) {
        String absolute = logFile.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.getBytes(StandardCharsets.UTF_8));
            String name = logFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return folder.resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checkpoint of {@code logFile}, or {@code null} when there is none.
     *
     * @throws ConfigurationException when the checkpoint file cannot be read
     */
    public Checkpoint load(Path logFile) {
        Path location = location(logFile);
        if (!Files.exists(location)) {
            return null;
        }
        try {
            return JSON.readValue(location.toFile(), Checkpoint.class);
        } catch (IOException e) {
            throw new ConfigurationException(Setting.STATE_DIR, location + " cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + "); delete it, or use --from-start", e);
        }
    }

    /**
     * Every checkpoint of the folder, whatever file it was saved for: the content an earlier run read, which a
     * file may hold now under another name (rotated, or compressed).
     */
    public List<Checkpoint> loadAll() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Checkpoint> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                try {
                    all.add(JSON.readValue(file.toFile(), Checkpoint.class));
                } catch (IOException e) {
                    // Another file's own load says so, if it is that file's.
                }
            }
        }
        return all;
    }

    public void save(Path logFile, Checkpoint checkpoint) throws IOException {
        Path location = location(logFile);
        Files.createDirectories(folder);
        Path temporary = location.resolveSibling(location.getFileName() + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(ByteBuffer.wrap(JSON.writeValueAsBytes(checkpoint)));
            file.force(true);
        }
        try {
            Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
