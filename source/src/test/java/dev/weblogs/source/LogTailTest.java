package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.lifecycle.Stop;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LogTailTest {

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> finished = Collections.synchronizedList(new ArrayList<>());
    private final Stop stop = new Stop();

    private final LogTail.Handler handler = new LogTail.Handler() {
        @Override
        public void opened(ReadableLog file, LineReader reader) {
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
        public void finished(ReadableLog file) {
            finished.add(((LogFile) file).path());
        }
    };

    @Test
    void copytruncateRegrownPastTheReadPositionIsReadFromItsStartAndNoHalfLineIsALine() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> expected = new ArrayList<>(write(log, "before", 200));
        CompletableFuture<Void> tail = follow(log);
        await(() -> lines.size() == 200);
        Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.REPLACE_EXISTING);
        truncate(log);
        expected.addAll(write(log, "after", 3_000));
        await(() -> lines.size() >= 3_200);
        stop.request();
        tail.get();
        assertEquals(expected, lines, "every line of both contents once, whole, in order");
        assertEquals(List.of(log), finished);
    }

    @Test
    void copytruncateWithLinesNotReadYetReadsThemFromTheCopyFirst() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> expected = new ArrayList<>(write(log, "before", 200));
        CompletableFuture<Void> tail = follow(log);
        await(() -> lines.size() == 200);
        // As if the server wrote these just before logrotate copied the log, and nothing read them yet.
        Path copy = dir.resolve("access.log.1");
        Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
        expected.addAll(write(copy, "unread", 50));
        truncate(log);
        expected.addAll(write(log, "after", 100));
        await(() -> lines.size() >= 350);
        stop.request();
        tail.get();
        assertEquals(expected, lines, "the copy's unread end, then the new content, each line once");
        assertEquals(List.of(log, copy), finished);
    }

    @Test
    void renameAndCreateFinishesTheOldFileWithWhatTheServerStillWroteToItThenReadsTheNewOne() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> expected = new ArrayList<>(write(log, "first", 100));
        CompletableFuture<Void> tail = follow(log);
        await(() -> lines.size() == 100);
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        List<String> newer = write(log, "second", 50);
        expected.addAll(write(rotated, "late", 20));
        Files.writeString(rotated, "last line without newline", StandardOpenOption.APPEND);
        expected.add("last line without newline");
        expected.addAll(newer);
        await(() -> lines.size() >= 171);
        stop.request();
        tail.get();
        assertEquals(expected, lines);
        assertEquals(List.of(log), finished, "the old file was finished once before the switch");
    }

    @Test
    void withoutFollowAnUnterminatedLastLineIsALineOnceTheFileIsQuiet() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> expected = new ArrayList<>(write(log, "a", 3));
        Files.writeString(log, "tail without newline", StandardOpenOption.APPEND);
        expected.add("tail without newline");
        try (LogTail tail = new LogTail(log, false, stop, handler)) {
            tail.run(ResumePoint.start(log));
        }
        assertEquals(expected, lines);
    }

    @Test
    void theSameContentReadAgainOrResumedHasTheSameOccurrenceKeysAndARepeatedLineDoesNot() throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "same\nsame\nother\nsame\n");
        try (LogTail tail = new LogTail(log, false, stop, handler)) {
            tail.run(ResumePoint.start(log));
        }
        List<String> first = new ArrayList<>(keys);
        assertEquals(List.of("0", "5", "10", "16"), first.stream().map(k -> k.substring(k.indexOf('-') + 1)).toList(),
                "a key ends with the line's position");
        assertEquals(4, first.stream().distinct().count(), "a line the server wrote twice is two occurrences");

        keys.clear();
        Path copy = dir.resolve("access.log.1");
        Files.copy(log, copy);
        try (LogTail tail = new LogTail(copy, false, stop, handler)) {
            tail.run(ResumePoint.start(copy));
        }
        assertEquals(first, keys, "a copy under another name is the same lines");

        keys.clear();
        long second = 5;
        try (LogTail tail = new LogTail(log, false, stop, handler)) {
            tail.run(new ResumePoint(log, second, ContentHash.extend(ContentHash.EMPTY,
                    "same\n".getBytes(StandardCharsets.UTF_8), 0, 5)));
        }
        assertEquals(first.subList(1, 4), keys, "resumed at a checkpoint: the same keys");
    }

    @Test
    void aQuietFileIsClosedAndReadAgainWhenItGrowsOrIsRotatedMeanwhile() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> expected = new ArrayList<>(write(log, "first", 100));
        CompletableFuture<Void> tail = follow(log, Duration.ofMillis(1_500));
        await(() -> lines.size() == 100);
        assertEquals(1, openDescriptors(log), "open while it is written");
        Thread.sleep(2_500);
        assertEquals(0, openDescriptors(log), "a quiet file is closed");
        expected.addAll(write(log, "grown", 10));
        await(() -> lines.size() == 110);
        Thread.sleep(2_500);
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        expected.addAll(write(rotated, "late", 5));
        List<String> newer = write(log, "second", 7);
        expected.addAll(newer);
        await(() -> lines.size() >= 122);
        stop.request();
        tail.get();
        assertEquals(expected, lines, "what the server wrote to the closed file before it was rotated comes first");
    }

    /** How many of this process's file descriptors name {@code file} (Linux). */
    private static long openDescriptors(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    private CompletableFuture<Void> follow(Path log) {
        return follow(log, Duration.ofSeconds(30));
    }

    private CompletableFuture<Void> follow(Path log, Duration suspendAfter) {
        return CompletableFuture.runAsync(() -> {
            try (LogTail tail = new LogTail(log, true, stop, handler, suspendAfter)) {
                tail.run(ResumePoint.start(log));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> write(Path file, String prefix, int count) throws IOException {
        String text = LogFileTest.lines(prefix, count);
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return List.of(text.split("\n"));
    }

    private static void truncate(Path log) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "in time");
    }
}
