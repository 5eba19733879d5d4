package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnconfirmedLinesTest {

    @TempDir
    Path dir;

    @Test
    void theCheckpointStopsBeforeTheFirstUnconfirmedLineWhateverTheOrderOfConfirms() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "a\nbb\nccc\n");
        try (LogFile file = LogFile.open(log, 0); LineReader reader = new LineReader(file.stream(), 0, ContentHash.EMPTY)) {
            Line a = reader.next(false);
            Line b = reader.next(false);
            Line c = reader.next(false);
            UnconfirmedLines lines = new UnconfirmedLines();
            lines.published(a);
            lines.published(b);
            lines.published(c);

            lines.confirmed(b);
            lines.confirmed(c);
            assertEquals(new Checkpoint(file.head().md5(), 9, 0, ContentHash.EMPTY),
                    lines.checkpoint(file.head(), reader.position(), reader.hash()), "a is not confirmed yet");

            lines.confirmed(a);
            assertEquals(new Checkpoint(file.head().md5(), 9, 9, reader.hash()),
                    lines.checkpoint(file.head(), reader.position(), reader.hash()), "all confirmed: where reading stands");
        }
    }

    @Test
    void theCheckpointCarriesTheHashBeforeItsPosition() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "a\nbb\n");
        try (LogFile file = LogFile.open(log, 0); LineReader reader = new LineReader(file.stream(), 0, ContentHash.EMPTY)) {
            reader.next(false);
            Line b = reader.next(false);
            UnconfirmedLines lines = new UnconfirmedLines();
            lines.published(b);
            Checkpoint checkpoint = lines.checkpoint(file.head(), reader.position(), reader.hash());
            assertEquals(2, checkpoint.position());
            assertEquals(b.prefixHash(), checkpoint.prefixHash());
        }
    }

    @Test
    void aLineThatNeverWentOutIsNotAwaitedAndTheCheckpointStaysBeforeIt() throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "a\nbb\nccc\n");
        try (LogFile file = LogFile.open(log, 0); LineReader reader = new LineReader(file.stream(), 0, ContentHash.EMPTY)) {
            Line a = reader.next(false);
            Line b = reader.next(false);
            UnconfirmedLines lines = new UnconfirmedLines();
            lines.published(a);
            lines.published(b);
            lines.notPublished(b);
            assertEquals(1, lines.size(), "only a awaits a confirm");
            assertEquals(0, lines.checkpoint(file.head(), reader.position(), reader.hash()).position());

            lines.confirmed(a);
            assertTrue(lines.isEmpty());
            Checkpoint checkpoint = lines.checkpoint(file.head(), reader.position(), reader.hash());
            assertEquals(2, checkpoint.position(), "b, read but not published, is read again next time");
            assertEquals(b.prefixHash(), checkpoint.prefixHash());
        }
    }
}
