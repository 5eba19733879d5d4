package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedCheckpointLoadsBackAndReplacesTheLastAtomically() throws IOException {
        CheckpointStore store = new CheckpointStore(dir.resolve("state"));
        Path log = dir.resolve("access.log");
        assertNull(store.load(log));
        store.save(log, new Checkpoint("abc", 10, 100, 42L));
        store.save(log, new Checkpoint("abc", 10, 200, 43L));
        assertEquals(new Checkpoint("abc", 10, 200, 43L), store.load(log));
        try (var files = Files.list(dir.resolve("state"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aStateFileOfAnEarlierVersionLoadsWithoutItsHash() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path log = dir.resolve("access.log");
        Files.writeString(store.location(log), "{\"file\":\"/var/log/access.log\",\"fingerprint\":\"abc\","
                + "\"fingerprintLength\":1024,\"position\":5000}");
        assertEquals(new Checkpoint("abc", 1024, 5000, null), store.load(log));
    }

    @Test
    void anUnreadableStateFileIsAProblemOfTheStateFolder() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path log = dir.resolve("access.log");
        Files.writeString(store.location(log), "{not json");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> store.load(log));
        assertEquals(Setting.STATE_DIR, e.setting());
        assertTrue(e.getMessage().endsWith("; delete it, or use --from-start"), e.getMessage());
    }
}
