package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weblogs.lifecycle.Stop;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamReadingTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private Checkpoint atEnd;

    private final LogTail.Handler handler = new LogTail.Handler() {
        private ReadableLog file;
        private LineReader reader;

        @Override
        public void opened(ReadableLog opened, LineReader openedReader) {
            file = opened;
            reader = openedReader;
        }

        @Override
        public void line(Line line) {
            lines.add(new String(line.bytes(), StandardCharsets.UTF_8));
            keys.add(line.occurrenceKey());
        }

        @Override
        public void idle() {
        }

        @Override
        public void finished(ReadableLog finished) {
            atEnd = Checkpoint.of(file.head(), reader.position(), reader.hash());
        }
    };

    @Test
    void aCompressedFileIsReadDecompressedWithTheKeysOfThePlainFile() throws Exception {
        Path plain = Files.writeString(dir.resolve("access.log.1"), text(0, 500));
        List<String> plainKeys = read(plain, List.of());
        lines.clear();
        keys.clear();
        Path compressed = gzip(plain, dir.resolve("access.log.2.gz"));

        read(compressed, List.of());
        assertEquals(500, lines.size());
        assertEquals(plainKeys, keys, "the same physical lines, the same occurrence keys");
    }

    @Test
    void whatAnEarlierRunReadOfTheContentIsSkipped() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log.1"), text(0, 300));
        Checkpoint readBefore = Checkpoint.of(headOf(log), Files.size(log), hashOf(log));
        Files.writeString(log, text(300, 200), java.nio.file.StandardOpenOption.APPEND);

        read(gzip(log, dir.resolve("access.log.2.gz")), List.of(readBefore));
        assertEquals(text(300, 200), String.join("\n", lines) + "\n");
        lines.clear();

        read(dir.resolve("access.log.2.gz"), List.of(readBefore, atEnd));
        assertEquals(List.of(), lines, "read to its end before: nothing again");
    }

    @Test
    void contentThatOnlyStartsTheSameIsReadWhole() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), text(0, 100));
        Checkpoint other = Checkpoint.of(headOf(log), Files.size(log), 12345L);
        read(gzip(log, dir.resolve("a.log.gz")), List.of(other));
        assertEquals(100, lines.size());
    }

    @Test
    void standardInputIsReadToItsEnd() throws Exception {
        byte[] piped = (text(0, 50) + "last line without newline").getBytes(StandardCharsets.UTF_8);
        new StreamReading("standard input", () -> StreamedLog.of(new ByteArrayInputStream(piped)), new Stop(),
                handler).run(List.of());
        assertEquals(51, lines.size());
        assertEquals("last line without newline", lines.get(50));
    }

    private List<String> read(Path file, List<Checkpoint> known) throws IOException {
        StreamReading.Opener opener = StreamedLog.isCompressed(file) ? () -> StreamedLog.gzip(file)
                : () -> StreamedLog.of(Files.newInputStream(file));
        new StreamReading(file.toString(), opener, new Stop(), handler).run(known);
        return new ArrayList<>(keys);
    }

    private static FileHead headOf(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            return FileHead.read(channel, FileHead.LENGTH);
        }
    }

    private static long hashOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return ContentHash.extend(ContentHash.EMPTY, bytes, 0, bytes.length);
    }

    private static Path gzip(Path file, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(file, out);
        }
        return to;
    }

    private static String text(int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int n = from; n < from + count; n++) {
            text.append("10.0.0.").append(n % 250).append(" - - [01/Mar/2023:00:00:09 -0500] \"GET /page/").append(n)
                    .append(" HTTP/1.1\" 200 ").append(n).append(" -\n");
        }
        return text.toString();
    }
}
