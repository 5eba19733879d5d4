package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    /** A line as text with its positions, so that a failure shows all three. */
    record Read(String text, long start, long end) {
        static Read of(Line line) {
            return new Read(new String(line.bytes(), StandardCharsets.ISO_8859_1), line.start(), line.end());
        }
    }

    /** A stream that hands out at most {@code chunk} bytes per read, like a pipe or a slow disk. */
    static final class ChunkedInput extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int at;

        ChunkedInput(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }

    /** A file that is still being written: the end of what is there so far reads as end of stream. */
    static final class GrowingInput extends InputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private int at;

        void append(String s) {
            written.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public int read() {
            byte[] data = written.toByteArray();
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] data = written.toByteArray();
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }

    static List<Read> readAll(byte[] input, long position, int chunk) throws IOException {
        List<Read> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ChunkedInput(input, chunk), position, ContentHash.EMPTY)) {
            for (Line line = reader.next(true); line != null; line = reader.next(true)) {
                lines.add(Read.of(line));
            }
            assertEquals(position + input.length, reader.position(), "position after the last line");
        }
        return lines;
    }

    static List<Read> readAll(String input) throws IOException {
        return readAll(input.getBytes(StandardCharsets.ISO_8859_1), 0, Integer.MAX_VALUE);
    }

    /** The lines of {@code input} by the plain definition: split on LF, drop one CR before it, skip empty. */
    static List<Read> expectedLines(byte[] input, long position) {
        List<Read> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                int end = i > start && input[i - 1] == '\r' ? i - 1 : i;
                int next = Math.min(i + 1, input.length);
                if (end > start) {
                    lines.add(new Read(new String(input, start, end - start, StandardCharsets.ISO_8859_1),
                            position + start, position + next));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    @Test
    void splitsOnNewlineWithPositionsOfEachLineAndItsTerminator() throws IOException {
        assertEquals(List.of(new Read("a", 0, 2), new Read("bb", 2, 5), new Read("ccc", 5, 9)),
                readAll("a\nbb\nccc\n"));
    }

    @Test
    void aByteOrderMarkAtTheStartOfAFileIsNotPartOfTheFirstLine() throws IOException {
        byte[] input = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'};
        LineReader reader = new LineReader(new ChunkedInput(input, 1), 0, ContentHash.EMPTY);
        assertEquals(new Read("a", 3, 5), Read.of(reader.next(true)));
        assertEquals(new Read("\u00EF\u00BB\u00BF", 5, 9), Read.of(reader.next(true)), "only at the start of the file");
        assertNull(reader.next(true));

        LineReader resumed = new LineReader(new ChunkedInput(Arrays.copyOfRange(input, 5, 9), 4), 5, ContentHash.EMPTY);
        assertEquals(new Read("\u00EF\u00BB\u00BF", 5, 9), Read.of(resumed.next(true)), "not at a resumed position");
    }

    @Test
    void crOfCrlfIsNotPartOfTheLineButCountsInItsEnd() throws IOException {
        assertEquals(List.of(new Read("a", 0, 3), new Read("bb", 3, 7)), readAll("a\r\nbb\r\n"));
    }

    @Test
    void crInsideALineIsKept() throws IOException {
        assertEquals(List.of(new Read("a\rb", 0, 4), new Read("c\r", 4, 8)), readAll("a\rb\nc\r\r\n"));
    }

    @Test
    void emptyLinesAreSkippedAndTheNextLineStartsAfterThem() throws IOException {
        assertEquals(List.of(new Read("a", 3, 5), new Read("b", 7, 9)), readAll("\n\r\na\n\n\nb\n\r\n"));
    }

    @Test
    void inputOfOnlyTerminatorsHasNoLines() throws IOException {
        assertEquals(List.of(), readAll("\n\r\n\n"));
        assertEquals(List.of(), readAll(""));
    }

    @Test
    void lastLineWithoutNewlineIsALineWhenTheInputIsComplete() throws IOException {
        assertEquals(List.of(new Read("a", 0, 2), new Read("bc", 2, 4)), readAll("a\nbc"));
    }

    @Test
    void completeInputEndingInCrGivesTheLineWithoutIt() throws IOException {
        assertEquals(List.of(new Read("a", 0, 2)), readAll("a\r"));
    }

    @Test
    void lastLineWithoutNewlineIsHeldBackUntilItsNewlineArrives() throws IOException {
        GrowingInput file = new GrowingInput();
        try (LineReader reader = new LineReader(file, 0, ContentHash.EMPTY)) {
            file.append("first\nsec");
            assertEquals(new Read("first", 0, 6), Read.of(reader.next(false)));
            assertNull(reader.next(false));
            assertEquals(6, reader.position(), "the held-back part is not consumed");

            file.append("ond\r");
            assertNull(reader.next(false));

            file.append("\nthird");
            assertEquals(new Read("second", 6, 14), Read.of(reader.next(false)));
            assertNull(reader.next(false));

            assertEquals(new Read("third", 14, 19), Read.of(reader.next(true)));
            assertNull(reader.next(true));
        }
    }

    @Test
    void positionsStartWhereTheReaderStartsInTheFile() throws IOException {
        assertEquals(List.of(new Read("a", 1000, 1002), new Read("b", 1003, 1005)),
                readAll("a\n\nb\n".getBytes(StandardCharsets.ISO_8859_1), 1000, Integer.MAX_VALUE));
    }

    @Test
    void bytesArePassedThroughUndecoded() throws IOException {
        byte[] input = {'a', (byte) 0xff, (byte) 0xc3, '\n', (byte) 0xe2, (byte) 0x82, '\r', '\n'};

        List<Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ChunkedInput(input, 3), 0, ContentHash.EMPTY)) {
            for (Line line = reader.next(true); line != null; line = reader.next(true)) {
                lines.add(line);
            }
        }

        assertEquals(2, lines.size());
        assertArrayEquals(new byte[] {'a', (byte) 0xff, (byte) 0xc3}, lines.get(0).bytes());
        assertArrayEquals(new byte[] {(byte) 0xe2, (byte) 0x82}, lines.get(1).bytes());
    }

    /** Line lengths around the 64 KiB first buffer and well past it, so lines straddle every refill. */
    @ParameterizedTest(name = "reads of at most {0} bytes")
    @ValueSource(ints = {1, 7, 4096, 65_535, 65_536, 1 << 20})
    void linesSpanningBufferBoundariesComeOutWhole(int chunk) throws IOException {
        int[] lengths = {0, 1, 100, 65_534, 65_535, 65_536, 65_537, 70_000, 131_072, 200_001, 3};
        Random random = new Random(chunk);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int n = 0; n < 40; n++) {
            byte[] line = new byte[lengths[random.nextInt(lengths.length)]];
            for (int i = 0; i < line.length; i++) {
                line[i] = (byte) ('a' + random.nextInt(26));
            }
            input.writeBytes(line);
            input.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        input.writeBytes("no newline at the end".getBytes(StandardCharsets.ISO_8859_1));
        byte[] bytes = input.toByteArray();

        List<Read> expected = expectedLines(bytes, 5);
        List<Read> actual = readAll(bytes, 5, chunk);

        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + i);
        }
    }

    @Test
    void overlongLineIsSkippedCountedAndTheNextLinePositionedAfterIt() throws IOException {
        byte[] input = new byte[LineReader.MAX_LINE_BYTES + 10 + "\nok\n".length()];
        Arrays.fill(input, (byte) 'x');
        byte[] tail = "\nok\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, input, input.length - tail.length, tail.length);

        try (LineReader reader = new LineReader(new ChunkedInput(input, 1 << 20), 0, ContentHash.EMPTY)) {
            Line line = reader.next(true);
            assertEquals(new Read("ok", LineReader.MAX_LINE_BYTES + 11, LineReader.MAX_LINE_BYTES + 14),
                    Read.of(line));
            assertNull(reader.next(true));
            assertEquals(1, reader.skipped());
        }
    }

    @Test
    void overlongLastLineWithoutNewlineIsSkippedToo() throws IOException {
        byte[] input = new byte[3 + LineReader.MAX_LINE_BYTES + 1];
        Arrays.fill(input, (byte) 'x');
        input[1] = '\n';

        try (LineReader reader = new LineReader(new ChunkedInput(input, 1 << 20), 0, ContentHash.EMPTY)) {
            assertEquals(new Read("x", 0, 2), Read.of(reader.next(true)));
            assertNull(reader.next(true));
            assertEquals(1, reader.skipped());
            assertEquals(input.length, reader.position());
        }
    }

    static String terminator(String name) {
        return switch (name) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "";
        };
    }

    /** {@code count} bytes of {@code x}, then {@code rest}. */
    static byte[] line(int count, String rest) {
        byte[] input = new byte[count + rest.length()];
        Arrays.fill(input, 0, count, (byte) 'x');
        System.arraycopy(rest.getBytes(StandardCharsets.ISO_8859_1), 0, input, count, rest.length());
        return input;
    }

    @ParameterizedTest(name = "terminated by {0}")
    @ValueSource(strings = {"LF", "CRLF", "nothing"})
    void lineOfExactlyTheLimitIsKept(String terminator) throws IOException {
        String end = terminator(terminator);
        byte[] input = line(LineReader.MAX_LINE_BYTES, end);

        try (LineReader reader = new LineReader(new ChunkedInput(input, 1 << 20), 0, ContentHash.EMPTY)) {
            Line line = reader.next(true);
            assertEquals(LineReader.MAX_LINE_BYTES, line.bytes().length);
            assertEquals(input.length, line.end());
            assertEquals(0, reader.skipped());
        }
    }

    @ParameterizedTest(name = "terminated by {0}")
    @ValueSource(strings = {"LF", "CRLF", "nothing"})
    void lineOneByteOverTheLimitIsSkipped(String terminator) throws IOException {
        String end = terminator(terminator);
        byte[] input = line(LineReader.MAX_LINE_BYTES + 1, end + (end.isEmpty() ? "" : "ok\n"));

        try (LineReader reader = new LineReader(new ChunkedInput(input, 1 << 20), 0, ContentHash.EMPTY)) {
            Line line = reader.next(true);
            if (end.isEmpty()) {
                assertNull(line);
            } else {
                assertEquals(new Read("ok", input.length - 3, input.length), Read.of(line));
                assertNull(reader.next(true));
            }
            assertEquals(1, reader.skipped());
            assertEquals(input.length, reader.position());
        }
    }
}
