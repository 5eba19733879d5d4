package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileTruncatedAndRegrownPastTheReadPositionHandsOverNothingOfTheNewContent() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines("old", 200));
        try (LogFile file = LogFile.open(log, 0)) {
            InputStream in = file.stream();
            long read = in.readAllBytes().length;
            assertEquals(Files.size(log), read);
            assertFalse(file.contentChanged());

            truncate(log);
            Files.writeString(log, lines("new", 3_000), StandardOpenOption.APPEND);
            assertTrue(Files.size(log) > read, "the new content reaches past the old read position");

            assertEquals(-1, in.read(new byte[4096]), "no byte of the new content is read at the old position");
            assertTrue(file.contentChanged());
            assertEquals(read, file.position());
        }
    }

    @Test
    void theHeadStaysWhatWasReadSoACheckpointTakenAfterACopytruncateDescribesTheOldContent() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines("old", 50));
        try (LogFile file = LogFile.open(log, 0)) {
            file.stream().readAllBytes();
            String read = file.head().md5();
            truncate(log);
            Files.writeString(log, lines("new", 50), StandardOpenOption.APPEND);
            assertEquals(read, file.head().md5(), "not re-read from the file at a save");
            Checkpoint saved = Checkpoint.of(file.head(), file.position(), 0);
            assertEquals(ResumePoint.start(log), ResumePoint.after(log, saved),
                    "the new content at the path is not taken for the old one");
        }
    }

    @Test
    void aTruncationIsSeenAtTheEndOfTheFileToo() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines("old", 10));
        try (LogFile file = LogFile.open(log, 0)) {
            file.stream().readAllBytes();
            truncate(log);
            assertTrue(file.contentChanged(), "shorter than what was read");
        }
    }

    @Test
    void contentRewrittenBeforeTheReadPositionIsSeenEvenWhenTheStartIsTheSame() throws IOException {
        Path log = dir.resolve("access.log");
        String start = lines("same start", 20);
        Files.writeString(log, start + lines("old", 50));
        try (LogFile file = LogFile.open(log, 0)) {
            file.stream().readAllBytes();
            truncate(log);
            Files.writeString(log, start + lines("other", 80), StandardOpenOption.APPEND);
            assertTrue(file.contentChanged(), "the bytes just before the read position differ");
        }
    }

    @Test
    void appendingIsNotAChange() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines("a", 10));
        try (LogFile file = LogFile.open(log, 0)) {
            InputStream in = file.stream();
            in.readAllBytes();
            Files.writeString(log, lines("b", 10), StandardOpenOption.APPEND);
            assertEquals(lines("b", 10), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertFalse(file.contentChanged());
            assertFalse(file.wasReplaced());
        }
    }

    @Test
    void aRenameWithANewFileAtThePathIsAReplacement() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines("a", 3));
        try (LogFile file = LogFile.open(log, 0)) {
            file.stream().readAllBytes();
            Files.move(log, dir.resolve("access.log.1"));
            assertFalse(file.wasReplaced(), "no file at the path yet");
            Files.writeString(log, lines("b", 3));
            assertTrue(file.wasReplaced());
            assertFalse(file.contentChanged(), "the renamed file is untouched");
        }
    }

    @Test
    void theHeadIsWhatWasReadUpToItsLengthAndIsReadFromTheFileWhenOpenedFurtherOn() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "abc\n");
        try (LogFile file = LogFile.open(log, 0)) {
            assertEquals(0, file.head().length(), "nothing read yet");
            file.stream().readAllBytes();
            assertEquals(4, file.head().length());
            Files.writeString(log, lines("x", 100), StandardOpenOption.APPEND);
            file.stream().readAllBytes();
            assertEquals(FileHead.LENGTH, file.head().length());
        }
        try (LogFile resumed = LogFile.open(log, 2)) {
            assertEquals(2, resumed.head().length(), "no further than where it was opened");
        }
    }

    private static void truncate(Path log) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    static String lines(String prefix, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("10.0.0.").append(i % 250).append(" - - [01/Mar/2023:00:00:").append(String.format("%02d", i % 60))
                    .append(" -0500] \"GET /").append(prefix).append('/').append(i).append(" HTTP/1.1\" 200 ").append(i)
                    .append(" -\n");
        }
        return lines.toString();
    }
}
