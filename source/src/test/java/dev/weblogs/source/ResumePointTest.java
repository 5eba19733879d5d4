package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePointTest {

    @TempDir
    Path dir;

    @Test
    void theSameFileResumesAtTheCheckpoint() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        Checkpoint saved = checkpointAfter(log, 8);
        assertEquals(new ResumePoint(log, 8, saved.prefixHash()), ResumePoint.after(log, saved));
    }

    @Test
    void aLogRotatedSinceIsFinishedUnderItsNewNameFirst() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        Checkpoint saved = checkpointAfter(log, 8);
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        Files.writeString(log, "a new file\n");
        Files.writeString(dir.resolve("access.log.2.gz"), "compressed: not read");
        assertEquals(new ResumePoint(rotated, 8, saved.prefixHash()), ResumePoint.after(log, saved));
    }

    @Test
    void aNewFileAtThePathIsReadFromItsStart() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        Checkpoint saved = checkpointAfter(log, 8);
        Files.writeString(log, "another file altogether\n");
        assertEquals(ResumePoint.start(log), ResumePoint.after(log, saved));
    }

    @Test
    void aCheckpointWithoutHashGetsItFromTheFile() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        Checkpoint saved = checkpointAfter(log, 8);
        Checkpoint old = new Checkpoint(saved.fingerprint(), saved.fingerprintLength(), 8, null);
        assertEquals(new ResumePoint(log, 8, saved.prefixHash()), ResumePoint.after(log, old));
    }

    private static Checkpoint checkpointAfter(Path log, int position) throws IOException {
        byte[] content = Files.readAllBytes(log);
        try (LogFile file = LogFile.open(log, 0)) {
            file.stream().readAllBytes();
            return Checkpoint.of(file.head(), position, ContentHash.extend(ContentHash.EMPTY, content, 0, position));
        }
    }
}
